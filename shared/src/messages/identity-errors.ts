/** Errors of identity: linking an account to an insured person, and acting on one's own cover (DOMAIN.md, "Identity"). */
export const identityErrorMessages = {
  identity_unverified: '这个身份证号码已有参保记录，但还不能确认是您本人。请用参保时登记的手机号码登录，或带身份证到工会办事处核实身份',
  identity_no_enrolment: '这位会员的身份证号码没有参保记录，无需核实',
  identity_own_verification: '不能核实自己的身份，请由其他工作人员办理',
  id_number_locked: '工作人员账号的身份证号码不能自行修改，请联系管理员',
  claim_handler_profile_required: '处理理赔前请先在“我的”中完成本人实名信息，以免处理到本人的理赔',
  claim_own_not_payable: '不能为本人的理赔付款（放入付款批次或导入银行结果），请由其他工作人员处理',
} as const
