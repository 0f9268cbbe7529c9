/** Renewal (续保) on the member's screens and the unit page: what the buttons and hints say. */
export const renewalUi = {
  member: {
    title: '续保',
    /** The window is open: what renewing today gives. */
    offer: '保障将于 {end} 到期。续保后新保障从 {start} 起接续至 {newEnd}，不断保，已有保障项目不再重新计算等待期。',
    premium: '续保保费 {amount}',
    intoCatalogue: '续保计划：{catalogue}',
    button: '一键续保',
    busy: '正在续保…',
    /** Renewed already (awaiting payment or paid). */
    renewed: '已续保，新保障从 {start} 起生效',
    viewRenewal: '查看续保并缴费',
    unavailable: '暂不能续保：{reason}',
  },
  unit: {
    title: '续保',
    ending: '{catalogue}：有 {count} 人的保障将于 {first} 至 {last} 到期',
    endingOneDay: '{catalogue}：有 {count} 人的保障将于 {last} 到期',
    into: '续保名单按“{catalogue}”上传',
    noSuccessor: '下一年度的保障计划尚未发布，请联系工会办事处',
    download: '下载续保名单',
    downloadHint: '名单已按今年的参保人员填好：删除离职人员的行，在末尾添加新入职人员，再在上面的“上传参保名单”中上传（选择续保计划）。名单含完整身份证号码，请妥善保管。',
  },
} as const
