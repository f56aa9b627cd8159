import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 决定执行情况报告 (issue 12): a progress report may state the amount spent in it (integer fen), so the report shows
 * what the work cost against the budget. Optional: earlier reports and reports without spending have none.
 */
export class ExecutionReportAmounts1795760000040 implements MigrationInterface {
  name = 'ExecutionReportAmounts1795760000040';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE execution_reports ADD COLUMN amount_fen bigint,
         ADD CONSTRAINT execution_reports_amount CHECK (amount_fen IS NULL OR amount_fen >= 0)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE execution_reports DROP CONSTRAINT execution_reports_amount, DROP COLUMN amount_fen`);
  }
}
