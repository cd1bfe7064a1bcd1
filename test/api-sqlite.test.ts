import { apiSuite } from './suites/api-suite';

apiSuite('sqlite', async () => true);
