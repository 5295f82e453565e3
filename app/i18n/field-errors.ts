// The domain states its rules in English; readers of the Vietnamese interface see them in
// Vietnamese. Numbers in a rule ("at most 200 characters") are carried over.
const PATTERNS: [RegExp, string][] = [
  [/^at least (\d+) characters$/, 'ít nhất $1 ký tự'],
  [/^at most ([\d,.]+) characters$/, 'tối đa $1 ký tự'],
  [/^at most (\d+) sectors$/, 'tối đa $1 lĩnh vực'],
  [/^at most (\d+) keywords$/, 'tối đa $1 từ khóa'],
  [/^required$/, 'bắt buộc'],
  [/^enter a valid email address$/, 'hãy nhập một địa chỉ email hợp lệ'],
  [/^choose a type$/, 'hãy chọn loại hình'],
  [/^choose a province$/, 'hãy chọn tỉnh/thành phố'],
  [/^choose at least one sector$/, 'hãy chọn ít nhất một lĩnh vực'],
  [/^choose at least one transfer mode$/, 'hãy chọn ít nhất một hình thức chuyển giao'],
  [/^choose a level from 1 to 9$/, 'hãy chọn mức từ 1 đến 9'],
  [/^from 1 to 9$/, 'từ 1 đến 9'],
  [/^each sector once$/, 'mỗi lĩnh vực chỉ chọn một lần'],
  [/^a whole amount in đồng, e\.g\. 1\.500\.000\.000$/, 'một số tiền nguyên, tính bằng đồng, ví dụ 1.500.000.000'],
  [/^a whole amount in đồng$/, 'một số tiền nguyên, tính bằng đồng'],
  [/^cannot be negative$/, 'không được âm'],
  [/^too large$/, 'quá lớn'],
  [/^must not be below the minimum$/, 'không được nhỏ hơn mức tối thiểu'],
  [/^an offer states its IP status$/, 'tin chào bán cần nêu tình trạng sở hữu trí tuệ'],
  [/^a demand has no IP status$/, 'tin nhu cầu không có tình trạng sở hữu trí tuệ'],
  [/^offer or demand$/, 'chào bán hoặc nhu cầu'],
  [/^Vietnamese or English$/, 'tiếng Việt hoặc tiếng Anh'],
  [/^a keyword has at most 60 characters$/, 'mỗi từ khóa tối đa 60 ký tự'],
  [/^a web address starting with http:\/\/ or https:\/\/$/, 'một địa chỉ web bắt đầu bằng http:// hoặc https://'],
  [/^not a valid Vietnamese tax code/, 'mã số thuế không hợp lệ (10 chữ số, hoặc 10-3, với chữ số kiểm tra đúng)'],
  [/^wrong email or password$/, 'sai email hoặc mật khẩu'],
  [/^this organisation is already on OpenTEX/, 'tổ chức này đã có trên OpenTEX: hãy đề nghị quản trị viên của tổ chức mời bạn'],
  [/^say why, so the owner knows what to change$/, 'hãy nêu lý do để đơn vị đăng tin biết cần sửa gì'],
  [/^an offer stays an offer and a demand a demand$/, 'tin chào bán không thể đổi thành tin nhu cầu và ngược lại'],
  [/^Too many attempts: try again in (\d+) minutes$/, 'Quá nhiều lần thử: hãy thử lại sau $1 phút'],
  // issue 7: accounts
  [/^This organisation is already on OpenTEX/, 'Tổ chức này đã có trên OpenTEX: hãy đề nghị quản trị viên của tổ chức mời bạn'],
  [/^This email already has an account: sign in instead$/, 'Email này đã có tài khoản: hãy đăng nhập'],
  [/^confirm that the registry matches the evidence given$/, 'hãy xác nhận rằng thông tin trong cơ sở dữ liệu quốc gia khớp với căn cứ đã nêu'],
];

export function localiseError(message: string, lang: 'vi' | 'en'): string {
  if (lang === 'en') return message;
  for (const [pattern, vi] of PATTERNS) if (pattern.test(message)) return message.replace(pattern, vi);
  return message;
}
