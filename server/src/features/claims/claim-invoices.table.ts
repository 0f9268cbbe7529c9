/** The invoice numbers (发票号码) of a claim, one row each, to find the same invoice on two claims. */
export interface ClaimInvoicesTable {
  claim_id: string
  invoice_number: string
}
