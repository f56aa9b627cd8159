import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos as rectification evidence (整改前后照片): uploaded by the property company while it works on an item, or by
 * the committee member inspecting it before acceptance. Insert-only like the item's events: evidence is never
 * replaced, only added to.
 */
export class RectificationPhotos1795760000001 implements MigrationInterface {
  name = 'RectificationPhotos1795760000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rectification_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities(id) ON DELETE RESTRICT,
        item_id uuid NOT NULL REFERENCES rectification_items(id) ON DELETE RESTRICT,
        mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
        bytes bytea NOT NULL,
        sha256 text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        caption text NOT NULL DEFAULT '',
        uploaded_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX rectification_photos_item ON rectification_photos (community_id, item_id)`);
    await queryRunner.query('REVOKE UPDATE, DELETE, TRUNCATE ON rectification_photos FROM gongyi_app');
    await queryRunner.query(
      'CREATE TRIGGER rectification_photos_immutable BEFORE UPDATE OR DELETE ON rectification_photos FOR EACH ROW EXECUTE FUNCTION refuse_change()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rectification_photos');
  }
}
