// The notice is shared with the task pane and lives in src/client; this name stays for the
// portal's feature screens, which still import it from here.
export { ErrorNotice, type ErrorNoticeProps } from '../../client/components/ErrorNotice';
