import { badInputShardSuite } from '../support/bad-input-walk';

// Every route of the OpenAPI document with every kind of bad input answers 4xx, never 5xx: one shard of the walk.
badInputShardSuite(1);
