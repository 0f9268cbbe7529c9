/** Identity and contact checks (ID numbers, mobile numbers). */
export const identityMessages = {
  id_required: '请填写身份证号码',
  id_first_generation: '这是15位的一代身份证号码，已停止使用，请填写18位的二代身份证号码',
  id_length: '身份证号码应为18位，现在是{length}位',
  id_characters: '身份证号码只能是数字，最后一位可以是X',
  id_birth_date_invalid: '身份证号码里的出生日期（{date}）不存在，请核对',
  id_birth_date_future: '身份证号码里的出生日期（{date}）晚于今天，请核对',
  id_checksum: '身份证号码校验不通过，可能有一位输错了，请对照身份证逐位核对',
  id_lost_digits: '身份证号码被表格存成了数字，后几位已经丢失。请把这一列设置为“文本”格式后重新填写',
  mobile_required: '请填写手机号码',
  mobile_invalid: '手机号码应为11位数字，以13至19开头',
  name_required: '请填写姓名',
  name_invalid: '姓名应为2至30个字，只含汉字、字母、间隔号“·”或空格',
} as const
