import { MigrationInterface, QueryRunner } from 'typeorm';
import { functionSql } from '../functions';

/**
 * Who holds a role is written only through assign_role / end_role (role_assignments.sql), each appending its
 * record entry in the same statement: the app role loses INSERT and UPDATE on role_assignments, so an operator
 * with the app's credentials can no longer make himself committee director (or change an owner's row into one)
 * without the decision record saying so.
 */
export class RoleWritesThroughFunctions1795760000051 implements MigrationInterface {
  name = 'RoleWritesThroughFunctions1795760000051';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(functionSql('role_assignments.sql'));
    await queryRunner.query('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON role_assignments FROM gongyi_app');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('GRANT INSERT, UPDATE ON role_assignments TO gongyi_app');
    await queryRunner.query('DROP FUNCTION end_role(uuid, uuid, date, uuid, jsonb, text)');
    await queryRunner.query('DROP FUNCTION assign_role(uuid, uuid, text, date, date, uuid, uuid, text, text, text, jsonb, text)');
  }
}
