import { privacyRequestsSuite } from './suites/privacy-requests-suite';
import { postgresAvailable } from './support/service';

privacyRequestsSuite('postgres', postgresAvailable);
