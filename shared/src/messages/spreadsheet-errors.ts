/** Errors of reading an uploaded spreadsheet (rosters, medical-insurance settlement files): the server's limits and malformed rows. */
export const spreadsheetErrorMessages = {
  spreadsheet_busy: '正在处理的表格较多，请 {seconds} 秒后再试',
  spreadsheet_too_many_strings: '表格中不同的文字内容太多（最多 {limit} 条），请只保留需要的工作表、行和列后再上传',
  spreadsheet_too_much_text: '表格中的文字太多（最多 {limit} 个字），请只保留需要的工作表、行和列后再上传',
  spreadsheet_too_many_cells: '表格中的单元格太多（最多 {limit} 个），请删除多余的行和列后再上传',
  spreadsheet_too_large_inflated: '表格文件解压后太大（最多 {limit}），请只保留需要的工作表、行和列后再上传',
  spreadsheet_rows_out_of_order: '表格文件中的行号顺序有误（行号 {row} 出现在行号 {previous} 之后），请用 Excel 或 WPS 打开后另存为 .xlsx 再上传',
  spreadsheet_row_number_invalid: '表格文件中有无效的行号（{row}），请用 Excel 或 WPS 打开后另存为 .xlsx 再上传',
} as const
