import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each statement names the previous statement whose closing balance is its opening balance. */
export class StatementChain1795550000000 implements MigrationInterface {
  name = 'StatementChain1795550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statements" ADD "previous_statement_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "FK_statements_previous" FOREIGN KEY ("previous_statement_id") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statements" DROP CONSTRAINT "FK_statements_previous"`);
    await queryRunner.query(`ALTER TABLE "statements" DROP COLUMN "previous_statement_id"`);
  }
}
