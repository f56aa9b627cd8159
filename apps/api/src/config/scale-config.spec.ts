import { ConfigError, loadConfig } from './app-config';

describe('replica and file-store settings', () => {
  it('defaults: no replica, files in the database', () => {
    const config = loadConfig({});
    expect(config.databaseReplicaUrl).toBeUndefined();
    expect(config.fileStore).toEqual({ kind: 'database' });
  });

  it('reads DATABASE_REPLICA_URL and refuses what is not a postgres URL', () => {
    expect(loadConfig({ DATABASE_REPLICA_URL: 'postgres://gongyi_app@replica:5432/gongyi' }).databaseReplicaUrl).toBe(
      'postgres://gongyi_app@replica:5432/gongyi',
    );
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'replica:5432' })).toThrow(/DATABASE_REPLICA_URL/);
  });

  it('reads an S3-compatible store: path style by default with an endpoint, virtual-host style on AWS', () => {
    const s3 = { FILE_STORE: 's3', S3_BUCKET: 'gongyi-docs', S3_ACCESS_KEY: 'ak', S3_SECRET_KEY: 'sk' };
    expect(loadConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000' }).fileStore).toEqual({
      kind: 's3',
      endpoint: 'http://minio:9000',
      bucket: 'gongyi-docs',
      accessKey: 'ak',
      secretKey: 'sk',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    expect(loadConfig({ ...s3, S3_REGION: 'cn-north-1' }).fileStore).toMatchObject({ region: 'cn-north-1', forcePathStyle: false });
  });

  it.each([
    [{ FILE_STORE: 'disk' }, 'FILE_STORE'],
    [{ FILE_STORE: 's3', S3_ACCESS_KEY: 'ak', S3_SECRET_KEY: 'sk' }, 'S3_BUCKET'],
    [{ FILE_STORE: 's3', S3_BUCKET: 'Bad_Bucket', S3_ACCESS_KEY: 'ak', S3_SECRET_KEY: 'sk' }, 'S3_BUCKET'],
    [{ FILE_STORE: 's3', S3_BUCKET: 'docs', S3_SECRET_KEY: 'sk' }, 'S3_ACCESS_KEY'],
    [{ FILE_STORE: 's3', S3_BUCKET: 'docs', S3_ACCESS_KEY: 'ak' }, 'S3_SECRET_KEY'],
    [{ FILE_STORE: 's3', S3_BUCKET: 'docs', S3_ACCESS_KEY: 'ak', S3_SECRET_KEY: 'sk', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
  ])('refuses %j naming %s', (env, variable) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
  });
});
