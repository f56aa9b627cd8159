import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Declares a file download: a 200 whose body is the file's bytes in one of the given content types. */
export function ApiFileResponse(description: string, ...contentTypes: string[]) {
  return applyDecorators(
    ApiProduces(...contentTypes),
    ApiOkResponse({
      description,
      content: Object.fromEntries(contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
    }),
  );
}
