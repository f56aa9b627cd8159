import { tenantIsolationSuite } from '../support/tenant-isolation-walk';

// No one in community A reaches community B's data by any route that takes an id: one shard of the walk.
tenantIsolationSuite(0);
