import { generateKeyPairSync } from 'node:crypto';
import { WrongPin, createCustodianKey, openCustodianKey, rewrapCustodianKey, unwrapSealKey, wrapSealKey } from './seal-key-wrap';

describe('seal key wrapping under the custodian PIN', () => {
  const sealKeyPem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('a copy opens with the right PIN and only for its own seal and custodian', async () => {
    const custodian = await createCustodianKey('24681357', 'c1|u1');
    const copy = wrapSealKey(sealKeyPem, custodian.publicKeyPem, 's1|u1');
    expect(copy).not.toContain('PRIVATE');
    const priv = await openCustodianKey(custodian.privateWrapped, '24681357', 'c1|u1');
    expect(unwrapSealKey(copy, priv, 's1|u1')).toBe(sealKeyPem);
    expect(() => unwrapSealKey(copy, priv, 's2|u1')).toThrow();
  });

  it('a wrong PIN or a different context does not open the personal key', async () => {
    const custodian = await createCustodianKey('24681357', 'c1|u1');
    await expect(openCustodianKey(custodian.privateWrapped, '24681358', 'c1|u1')).rejects.toBeInstanceOf(WrongPin);
    await expect(openCustodianKey(custodian.privateWrapped, '24681357', 'c1|u2')).rejects.toBeInstanceOf(WrongPin);
  });

  it('changing the PIN keeps existing seal copies usable and the old PIN stops working', async () => {
    const custodian = await createCustodianKey('11112222', 'c|u');
    const copy = wrapSealKey(sealKeyPem, custodian.publicKeyPem, 's|u');
    const changed = await rewrapCustodianKey(custodian.privateWrapped, '11112222', '33334444', 'c|u');
    await expect(openCustodianKey(changed, '11112222', 'c|u')).rejects.toBeInstanceOf(WrongPin);
    expect(unwrapSealKey(copy, await openCustodianKey(changed, '33334444', 'c|u'), 's|u')).toBe(sealKeyPem);
  });
});
