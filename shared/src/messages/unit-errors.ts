/**
 * Errors of a unit's record (参保单位): its unified social credit code, its
 * region, who pays and the split, and the invitations of its admins.
 */
export const unitErrorMessages = {
  credit_code_required: '请填写统一社会信用代码',
  credit_code_length: '统一社会信用代码应为18位，现在是{length}位',
  credit_code_characters: '统一社会信用代码第{position}位“{char}”不对：代码只用数字和大写字母，不用 I、O、S、V、Z',
  credit_code_checksum: '统一社会信用代码校验不通过，可能有一位输错了，请对照登记证书逐位核对',
  region_code_required: '请填写所在地区',
  region_code_format: '地区代码应为6位数字，如碑林区为 610103',
  region_code_province_unknown: '地区代码的前两位“{province}”不是省级行政区代码',
  region_code_structure: '地区代码有误：第3、4位为 00（省级）时，第5、6位也应为 00',
  region_code_unknown: '{province}没有代码为 {code} 的市或区县，请核对',
  unit_credit_code_invalid: '统一社会信用代码有误：{reason}',
  unit_credit_code_taken: '统一社会信用代码 {creditCode} 已登记为“{name}”，同一单位不能登记两次',
  unit_region_code_invalid: '所在地区有误：{reason}',
  unit_split_required: '“多方分担”时请填写工会、单位和个人各承担多少元',
  unit_split_not_split: '只有“多方分担”时才填写各方承担的金额',
  unit_split_needs_selection: '填写分担金额前请先选定本单位的保障计划和参保项目',
  unit_split_single_payer: '只有一方出资时请直接选择该出资方，不必选“多方分担”',
  unit_split_total_mismatch: '各方承担的金额合计 {total} 元，应等于每人全年保费 {premium} 元',
  unit_admin_invitation_exists: '已邀请过这个手机号成为本单位经办人',
  unit_admin_invitation_not_found: '没有这条邀请',
  unit_admin_invitation_granted: '这条邀请已生效，不能撤回；如需取消，请管理员在“用户与角色”中撤销其单位经办人角色',
} as const
