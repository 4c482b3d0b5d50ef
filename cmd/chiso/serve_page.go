package main

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/numeral"
)

// webFiles are the page's template, style and script: everything the page
// needs is served by chiso itself, so it works offline.
//
//go:embed web
var webFiles embed.FS

// page is the one page: the article form, the workbook form and what they
// give. html/template escapes every article, cell and unit name by context.
var page = template.Must(template.New("page.html").Funcs(template.FuncMap{
	"t": func(lang numeral.Language, key string) string {
		w, ok := words[key]
		if !ok {
			panic("serve: no words for " + key)
		}
		return w.In(lang)
	},
	"n": func(lang numeral.Language, n int) string { return numeral.FormatInt(int64(n), lang) },
}).ParseFS(webFiles, "web/page.html"))

// pageData is what the page template shows.
type pageData struct {
	Lang       numeral.Language
	Code       string // the page's language: vi or en
	Other      string // the other language
	OtherName  string
	Text       string // the article, back in the form
	Error      string
	Check      *checkView
	Rollup     *rollupView
	RollupOpen bool   // show the workbook form first
	Level      string // the level and the list the workbook form last asked for
	List       string

	ArticleMB, WorkbookMB string // the size limits
}

func newPageData(lang numeral.Language) *pageData {
	d := &pageData{Lang: lang, Code: "vi", Other: "en", OtherName: "English",
		ArticleMB: numeral.FormatInt(maxArticle>>20, lang), WorkbookMB: numeral.FormatInt(maxWorkbook>>20, lang)}
	if lang == numeral.English {
		d.Code, d.Other, d.OtherName = "en", "vi", "Tiếng Việt"
	}
	return d
}

// render writes the page with status.
func render(w http.ResponseWriter, status int, d *pageData) {
	var b bytes.Buffer
	if err := page.Execute(&b, d); err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// renderError writes the page with err's message and status.
func renderError(w http.ResponseWriter, d *pageData, err error) {
	status, msg := errorStatus(err, d.Lang)
	d.Error = msg
	render(w, status, d)
}

// servePage answers GET /: the empty form, in the language of ?lang=.
func servePage(w http.ResponseWriter, r *http.Request) {
	lang, err := language(r.URL.Query().Get("lang"))
	d := newPageData(lang)
	if err != nil {
		renderError(w, d, err)
		return
	}
	render(w, http.StatusOK, d)
}

// serveCheckForm answers the article form (POST /): the text pasted, or
// else the .txt file chosen, checked and shown with its findings.
func (s *server) serveCheckForm(w http.ResponseWriter, r *http.Request) {
	d := newPageData(numeral.Vietnamese)
	fields, err := readForm(w, r, maxArticle)
	if err == nil {
		d.Lang, err = language(formValue(fields, r.URL.Query(), "lang", ""))
		*d = *newPageData(d.Lang)
	}
	if err != nil {
		renderError(w, d, err)
		return
	}
	text := fields["text"].data
	if f := fields["file"]; len(bytes.TrimSpace(text)) == 0 && len(f.data) > 0 {
		text = f.data
	}
	if !utf8.Valid(text) {
		renderError(w, d, errorf(http.StatusBadRequest, "bài báo phải là văn bản UTF-8", "the article must be UTF-8 text"))
		return
	}
	d.Text = string(text)
	if len(bytes.TrimSpace(text)) > 0 {
		done, err := s.turn(w, r)
		if err != nil {
			renderError(w, d, err)
			return
		}
		defer done()
		d.Check = newCheckView(d.Text, d.Lang)
	}
	render(w, http.StatusOK, d)
}

// serveRollupForm answers the workbook form (POST /rollup): the roll-up's
// tables, charts and repairs, and the workbook to download.
func (s *server) serveRollupForm(w http.ResponseWriter, r *http.Request) {
	d := newPageData(numeral.Vietnamese)
	d.RollupOpen = true
	fields, err := readForm(w, r, maxWorkbook)
	if err == nil {
		d.Lang, err = language(formValue(fields, r.URL.Query(), "lang", ""))
		*d = *newPageData(d.Lang)
		d.RollupOpen = true
	}
	if err != nil {
		renderError(w, d, err)
		return
	}
	q := newRollupRequest(fields, r.URL.Query())
	d.Level, d.List = q.level, q.list
	done, err := s.turn(w, r)
	if err != nil {
		renderError(w, d, err)
		return
	}
	defer done()
	res, err := q.do()
	if err == nil {
		d.Rollup, err = newRollupView(res, fileName(q.actuals, "actuals"), d.Lang)
	}
	if err != nil {
		renderError(w, d, err)
		return
	}
	render(w, http.StatusOK, d)
}

// words are the page's words in each language.
var words = map[string]numeral.Words{
	"title":        {Vi: "chiso: kiểm tra số liệu trong bài báo", En: "chiso: check the figures of an article"},
	"lead":         {Vi: "Dán bài báo (hoặc thả tệp .txt) để xem từng con số chiso đọc được và các quan hệ giữa chúng có khớp không.", En: "Paste an article (or drop a .txt file) to see every figure chiso reads and whether the relations between them hold."},
	"article":      {Vi: "Bài báo", En: "Article"},
	"paste":        {Vi: "Nội dung bài báo", En: "Text of the article"},
	"file":         {Vi: "hoặc chọn tệp .txt", En: "or choose a .txt file"},
	"drop":         {Vi: "Có thể kéo thả tệp .txt vào ô này.", En: "You can drop a .txt file on this box."},
	"check":        {Vi: "Kiểm tra", En: "Check"},
	"language":     {Vi: "Ngôn ngữ", En: "Language"},
	"summary":      {Vi: "Tóm tắt", En: "Summary"},
	"figures":      {Vi: "con số đã đọc", En: "figures read"},
	"relations":    {Vi: "quan hệ đã kiểm tra", En: "relations checked"},
	"failing":      {Vi: "không khớp", En: "failing"},
	"allhold":      {Vi: "Mọi quan hệ đã kiểm tra đều khớp.", En: "Every relation checked holds."},
	"nofigure":     {Vi: "Không đọc được con số nào trong bài.", En: "No figure could be read in the article."},
	"findings":     {Vi: "Kết quả kiểm tra", En: "Findings"},
	"holds":        {Vi: "Khớp", En: "Holds"},
	"fails":        {Vi: "Không khớp", En: "Fails"},
	"steps":        {Vi: "Phép tính từng bước", En: "The arithmetic, step by step"},
	"means":        {Vi: "nghĩa là", En: "means"},
	"so":           {Vi: "Kết luận", En: "So"},
	"fragments":    {Vi: "Câu trong bài", En: "In the article"},
	"notfound":     {Vi: "Không tìm thấy trong bài", En: "Not found in the text"},
	"show":         {Vi: "Xem trong bài", En: "Show in the article"},
	"figlabel":     {Vi: "con số, xem kết quả kiểm tra", En: "figure, see its finding"},
	"legend":       {Vi: "Chú giải", En: "Legend"},
	"lg-fig":       {Vi: "con số chiso đọc được (gạch chân)", En: "a figure chiso read (underlined)"},
	"lg-bad":       {Vi: "con số thuộc một quan hệ không khớp", En: "a figure in a relation that fails"},
	"lg-on":        {Vi: "các con số của kết quả đang chọn", En: "the figures of the finding selected"},
	"lg-open":      {Vi: "(a; b): mọi giá trị giữa a và b, không kể a và b; [a; b): kể cả a, không kể b", En: "(a; b): every value between a and b, a and b excluded; [a; b): a included, b excluded"},
	"lg-pct":       {Vi: "164% là tỷ lệ đã làm tròn: giá trị thật nằm trong [163,5; 164,5)%", En: "164% is a rounded percent: the true value lies in [163.5; 164.5)%"},
	"lg-more":      {Vi: "hơn 741.000 nằm trong (741.000; 742.000)", En: "hơn (more than) 741.000 lies in (741,000; 742,000)"},
	"lg-approx":    {Vi: "≈: cận đã làm tròn ra phía ngoài, khoảng in ra chứa khoảng tính được", En: "≈: a bound rounded outward, so that the interval printed holds the one computed"},
	"workbook":     {Vi: "Bảng tiến độ (.xlsx, .csv)", En: "Progress workbook (.xlsx, .csv)"},
	"wb-lead":      {Vi: "Tải bảng tiến độ của tỉnh để xem bảng tổng hợp, xếp hạng, tỷ lệ đạt kế hoạch và biểu đồ.", En: "Upload a provincial progress workbook to see the roll-up, ranks, attainment and a chart."},
	"actuals":      {Vi: "Số liệu thực hiện (.xlsx hoặc .csv)", En: "Actuals (.xlsx or .csv)"},
	"plans":        {Vi: "Kế hoạch (không bắt buộc nếu bảng đã có cột kế hoạch)", En: "Plans (optional when the workbook has plan columns)"},
	"level":        {Vi: "Cấp xếp hạng", En: "Level to rank"},
	"lvl-tinh":     {Vi: "tỉnh", En: "province"},
	"lvl-huyen":    {Vi: "huyện", En: "district"},
	"lvl-xa":       {Vi: "xã", En: "commune"},
	"list":         {Vi: "Danh mục đơn vị", En: "List of units"},
	"list-2024":    {Vi: "trước 01/7/2025", En: "before 2025-07-01"},
	"list-2025":    {Vi: "từ 01/7/2025", En: "from 2025-07-01"},
	"rollup":       {Vi: "Tổng hợp", En: "Roll up"},
	"asof":         {Vi: "Số liệu đến ngày", En: "Figures as of"},
	"repairs":      {Vi: "Những chỗ đã sửa khi đọc bảng", En: "Repairs made while reading"},
	"norepair":     {Vi: "Không phải sửa chỗ nào.", En: "Nothing needed repair."},
	"download":     {Vi: "Tải bảng xếp hạng (.xlsx)", En: "Download the ranking (.xlsx)"},
	"chart":        {Vi: "Biểu đồ tỷ lệ đạt kế hoạch", En: "Chart of attainment"},
	"error":        {Vi: "Lỗi", En: "Error"},
	"api":          {Vi: "Cho lập trình viên: POST /api/check, POST /api/rollup, GET /api/units?q=, GET /healthz.", En: "For programs: POST /api/check, POST /api/rollup, GET /api/units?q=, GET /healthz."},
	"limit":        {Vi: "Bài báo tối đa %s MB, bảng tối đa %s MB. Máy chủ không lưu gì.", En: "Articles up to %s MB, workbooks up to %s MB. The server keeps nothing."},
	"skip":         {Vi: "Bỏ qua, tới kết quả", En: "Skip to the results"},
	"involves":     {Vi: "Dùng trong kết quả", En: "Used by finding"},
	"finding-word": {Vi: "Kết quả", En: "Finding"},
}
