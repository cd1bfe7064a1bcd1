import { apiSuite } from './suites/api-suite';
import { postgresAvailable } from './support/service';

apiSuite('postgres', postgresAvailable);
