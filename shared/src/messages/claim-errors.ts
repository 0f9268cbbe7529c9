/** Errors of uploads, claims, review and claim payments. */
export const claimErrorMessages = {
  claim_documents_required: '请至少上传一张理赔材料照片',
} as const
