import { privacyRequestsSuite } from './suites/privacy-requests-suite';

privacyRequestsSuite('sqlite', async () => true);
