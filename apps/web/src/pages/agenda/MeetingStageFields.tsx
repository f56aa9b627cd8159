import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useLinkableAccounts } from './accounts-context';

/** Links an attendee to their account: they then confirm the minutes themselves (我的待办). */
function AccountField({ name }: { name: number }) {
  const accounts = useLinkableAccounts();
  if (!accounts.length) return null;
  return (
    <Col xs={24} sm={24}>
      <Form.Item name={[name, 'userId']} noStyle>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="关联本小区账号（有账号的由本人在平台确认纪要；不关联则登记纸面签字）"
          aria-label="关联账号"
          data-testid={`attendee-account-${name}`}
          options={accounts.map((a) => ({ value: a.userId, label: a.label }))}
          style={{ width: '100%', marginTop: 4 }}
        />
      </Form.Item>
    </Col>
  );
}

/** Attendees as free rows: name, the party they attend for, present or not. */
export function AttendeeFields({ label = '出席人员', defaultParty = '' }: { label?: string; defaultParty?: string }) {
  return (
    <Form.Item label={label}>
      <Form.List name="attendees">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="middle" style={{ marginBottom: 8 }}>
                <Col xs={11} sm={9}>
                  <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '姓名' }]}>
                    <Input placeholder="姓名" aria-label="姓名" />
                  </Form.Item>
                </Col>
                <Col xs={9} sm={8}>
                  <Form.Item name={[field.name, 'party']} noStyle rules={[{ required: true, whitespace: true, message: '身份' }]}>
                    <Input placeholder="身份，如 党支部" aria-label="身份" />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={4}>
                  <Form.Item name={[field.name, 'present']} noStyle valuePropName="checked">
                    <Checkbox>出席</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={24} sm={3}>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除此人" />
                </Col>
                <AccountField name={field.name} />
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', party: defaultParty, present: true })}>
              添加人员
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 四方联席: one row per party (党支部, 居委会, 业委会, 物业), the agreed plan and the options. */
export function JointMeetingFields() {
  return (
    <>
      <Form.Item label="四方出席（党支部、居委会、业委会、物业须全部出席）">
        <Form.List name="parties">
          {(fields) =>
            fields.map((field) => (
              <Row key={field.key} gutter={8} align="middle" style={{ marginBottom: 8 }}>
                <Col xs={6} sm={4}>
                  <Form.Item name={[field.name, 'party']} noStyle>
                    <Input readOnly variant="borderless" style={{ fontWeight: 600 }} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={14}>
                  <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '请填写出席人' }]}>
                    <Input placeholder="出席人姓名" data-testid={`joint-party-${field.name}`} />
                  </Form.Item>
                </Col>
                <Col xs={6} sm={6}>
                  <Form.Item name={[field.name, 'present']} noStyle valuePropName="checked">
                    <Checkbox>出席</Checkbox>
                  </Form.Item>
                </Col>
                <AccountField name={field.name} />
              </Row>
            ))
          }
        </Form.List>
      </Form.Item>
      <AttendeeFields label="其他列席人员（顾问、专家等）" defaultParty="专家" />
      <Form.Item name="plan" label="议定方案" rules={[{ required: true, whitespace: true, message: '请写明联席会议议定的方案' }]}>
        <Input.TextArea autoSize={{ minRows: 3 }} data-testid="joint-plan" />
      </Form.Item>
      <Form.Item label="备选方案（提交业主表决的选项，可不填）">
        <Form.List name="options">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} style={{ marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'text']} noStyle rules={[{ required: true, whitespace: true, message: '请填写或删除' }]}>
                    <Input placeholder={`方案 ${index + 1}`} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除方案" />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                添加备选方案
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

/** 居民代表会议: each representative's count of owners for and against, and their concerns. */
export function OpinionFields() {
  return (
    <Form.Item label="居民代表收集的意见">
      <Form.List name="opinions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
                <Row gutter={8}>
                  <Col xs={24} sm={10}>
                    <Form.Item name={[field.name, 'representative']} label="居民代表" rules={[{ required: true, whitespace: true }]}>
                      <Input placeholder="如 3 幢楼栋长" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={7}>
                    <Form.Item name={[field.name, 'for']} label="赞成（户）" rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={7}>
                    <Form.Item name={[field.name, 'against']} label="反对（户）" rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name={[field.name, 'concerns']} label="主要顾虑" style={{ marginBottom: 4 }}>
                  <Input.TextArea autoSize={{ minRows: 1 }} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 0 }}>
                    删除此代表
                  </Button>
                )}
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ representative: '', for: 0, against: 0 })}>
              添加居民代表
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 业委会决议: every sitting member, present or not, their vote and signature (no proxies). */
export function CommitteeVoteFields() {
  return (
    <Form.Item label="委员出席、表决与签字（逐一记录每位现任委员）">
      <Form.List name="memberVotes">
        {(fields) =>
          fields.map((field) => (
            <Card key={field.key} size="small" style={{ marginBottom: 8 }} data-testid="member-vote">
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const row = getFieldValue(['memberVotes', field.name]) as { name: string; present: boolean };
                  return (
                    <Flex wrap gap={12} align="center">
                      <Typography.Text strong style={{ minWidth: 96 }}>
                        {row.name}
                      </Typography.Text>
                      <Form.Item name={[field.name, 'present']} noStyle valuePropName="checked">
                        <Checkbox>出席</Checkbox>
                      </Form.Item>
                      {row.present && (
                        <>
                          <Form.Item name={[field.name, 'vote']} noStyle rules={[{ required: true, message: '请选择表决意见' }]}>
                            <Radio.Group
                              optionType="button"
                              buttonStyle="solid"
                              options={[
                                { value: 'yes', label: '赞成' },
                                { value: 'no', label: '反对' },
                                { value: 'abstain', label: '弃权' },
                              ]}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'signed']}
                            noStyle
                            valuePropName="checked"
                            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('出席委员须签字'))) }]}
                          >
                            <Checkbox>已签字</Checkbox>
                          </Form.Item>
                        </>
                      )}
                    </Flex>
                  );
                }}
              </Form.Item>
            </Card>
          ))
        }
      </Form.List>
    </Form.Item>
  );
}
