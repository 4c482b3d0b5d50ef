package sheet_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/chiso-vn/chiso/sheet"
)

// A workbook as a district sends it: a title row, Vietnamese headers, the
// wide layout, a code that lost its leading zero and a count typed as text.
func ExampleRead() {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"BÁO CÁO TIẾN ĐỘ ĐẾN NGÀY 30/6/2024"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Mã xã", "Tên đơn vị", "tmdt", "thanh_toan_dt"})
	f.SetSheetRow("Sheet1", "A3", &[]any{6619, "xã Bắc Xa", "1.611", 2120})
	var buf bytes.Buffer
	f.WriteTo(&buf)

	d, err := sheet.Read(&buf, "tien-do.xlsx", sheet.Options{Date: time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range d.Observations {
		fmt.Println(o.Unit, o.Indicator, o.Value)
	}
	for _, r := range d.Repairs {
		fmt.Println(r)
	}
	// Output:
	// 06619 tmdt 1611
	// 06619 thanh_toan_dt 2120
	// Sheet1!A1: dòng tiêu đề "BÁO CÁO TIẾN ĐỘ ĐẾN NGÀY 30/6/2024", bỏ qua
	// Sheet1!A1: ngày của trang lấy từ dòng tiêu đề: "30/6/2024", tức 2024-06-30
	// Sheet1!A3: mã "6619" mất số 0 ở đầu, tên đơn vị cùng dòng xác nhận là 06619
	// Sheet1!C3: số "1.611" nhập dạng chữ, đọc là 1611
}
