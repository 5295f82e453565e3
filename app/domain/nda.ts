// The market's standard mutual non-disclosure agreement, shown in full before either side accepts
// it. Versioned: an acceptance records the version and the SHA-256 of the exact text shown.

export const NDA_VERSION = '2026-11';

const VI = `THỎA THUẬN BẢO MẬT HAI CHIỀU (phiên bản ${NDA_VERSION})

1. Thông tin bảo mật là mọi thông tin một bên chia sẻ với bên kia qua thương vụ này trên OpenTEX và được đánh dấu là bảo mật, gồm chi tiết bảo mật của tin đăng, tệp đính kèm bảo mật, điều khoản đàm phán và thông tin liên hệ.
2. Bên nhận chỉ dùng thông tin bảo mật để đánh giá và đàm phán việc chuyển giao công nghệ trong thương vụ này; không tiết lộ cho bên thứ ba, trừ người lao động và cố vấn cần biết và chịu nghĩa vụ bảo mật tương đương.
3. Không áp dụng với thông tin đã công khai không do lỗi của bên nhận, đã có hợp pháp trước khi nhận, do bên nhận tự phát triển độc lập, hoặc phải cung cấp theo yêu cầu của cơ quan nhà nước có thẩm quyền.
4. Nghĩa vụ bảo mật kéo dài 3 năm kể từ ngày chấp nhận. Khi được yêu cầu, bên nhận hủy hoặc trả lại thông tin bảo mật.
5. Thỏa thuận không chuyển giao quyền sở hữu trí tuệ nào và không buộc bên nào phải ký hợp đồng.
6. Thỏa thuận chịu sự điều chỉnh của pháp luật Việt Nam. Tranh chấp được giải quyết trước hết bằng thương lượng, sau đó tại tòa án có thẩm quyền của Việt Nam.
7. Việc chấp nhận bằng thao tác trên OpenTEX là giao dịch điện tử theo Luật Giao dịch điện tử 2023; OpenTEX lưu người chấp nhận, thời điểm và mã băm của văn bản này.`;

const EN = `MUTUAL NON-DISCLOSURE AGREEMENT (version ${NDA_VERSION})

1. Confidential information is any information one party shares with the other through this deal on OpenTEX and marks as confidential, including a listing's confidential details, confidential attachments, negotiated terms and contact details.
2. The receiving party uses confidential information only to evaluate and negotiate the technology transfer of this deal, and does not disclose it to third parties, except to employees and advisers who need to know it and are bound by equivalent confidentiality.
3. This does not apply to information that became public through no fault of the receiving party, was lawfully held before receipt, was independently developed, or must be disclosed to a competent Vietnamese authority.
4. The obligations last 3 years from acceptance. On request, the receiving party destroys or returns the confidential information.
5. This agreement transfers no intellectual property right and obliges neither party to sign a contract.
6. This agreement is governed by Vietnamese law. Disputes are settled first by negotiation, then before the competent courts of Viet Nam.
7. Acceptance by clicking on OpenTEX is an electronic transaction under the Law on Electronic Transactions 2023; OpenTEX records who accepted, when, and the hash of this text.

The Vietnamese text prevails.`;

/** The text both sides accept: Vietnamese first (it prevails), then English. */
export const NDA_TEXT = `${VI}\n\n---\n\n${EN}`;
