import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { assertDtoBounds, assertRawBounds } from './input-bounds';

// class-validator's constraint names in the words a person reads (its own messages are English).
const CONSTRAINT_ZH: Record<string, string> = {
  whitelistValidation: '不是可接受的字段',
  isString: '须为文字',
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  isInt: '须为整数',
  isNumber: '须为数字',
  isNumberString: '须为数字',
  isBoolean: '须为是或否',
  isIn: '取值无效',
  isEnum: '取值无效',
  isUuid: '须为有效编号',
  isUUID: '须为有效编号',
  isDateString: '须为日期',
  isIso8601: '须为日期',
  isISO8601: '须为日期',
  isArray: '须为列表',
  arrayMinSize: '项数太少',
  arrayMaxSize: '项数太多',
  arrayNotEmpty: '不能为空',
  maxLength: '过长',
  minLength: '过短',
  length: '长度不符合要求',
  min: '太小',
  max: '太大',
  matches: '格式不正确',
  isObject: '须为对象',
  nestedValidation: '格式不正确',
};

const CJK = /[\u3400-\u9fff]/;

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    // A DTO that wrote its own Chinese message (e.g. "激活码格式不正确…") says it better than the generic words.
    const own = Object.entries(error.constraints ?? {}).map(([name, text]) =>
      CJK.test(text) ? text : `${path} ${CONSTRAINT_ZH[name] ?? '不符合要求'}`,
    );
    return own.concat(flatten(error.children ?? [], path));
  });
}

function flattenEnglish(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    return Object.values(error.constraints ?? {})
      .map((text) => `${path}: ${text}`)
      .concat(flattenEnglish(error.children ?? [], path));
  });
}

/** Rejects unknown and malformed fields with one readable message listing every problem. */
export function createValidationPipe(now: () => Date = () => new Date()): ValidationPipe {
  return new BoundedValidationPipe(now, {
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({
        code: 'validation_failed',
        message: `输入有误：${[...new Set(flatten(errors))].join('；')}`,
        // Read by the exception filter into the log only (the reply stays Chinese).
        logDetail: flattenEnglish(errors).join('; '),
      }),
  });
}

/** The DTO checks plus the limits of input-bounds.ts, which hold for every route whatever its DTO says. */
class BoundedValidationPipe extends ValidationPipe {
  constructor(
    private readonly now: () => Date,
    options: ConstructorParameters<typeof ValidationPipe>[0],
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const where = metadata.data ?? metadata.type;
    assertRawBounds(value, where);
    const result: unknown = await super.transform(value, metadata);
    assertDtoBounds(result, { now: this.now() }, where);
    return result;
  }
}
