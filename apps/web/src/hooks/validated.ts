import type { FormInstance } from 'antd';

/**
 * The form's values, or undefined when a field is invalid. antd rejects `validateFields()` when validation fails
 * and already shows each field's error under it; a dialog's OK handler that awaited it bare left an unhandled
 * rejection (a console error) every time someone pressed OK with a required field empty.
 */
export async function validated<T>(form: FormInstance<T>): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch {
    return undefined;
  }
}
