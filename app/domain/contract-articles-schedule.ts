// The contract's milestones: the transfer plan with its schedule and place, and the price with
// its payments (Law on Technology Transfer 2017, Art. 23, items 6 and 9). Each milestone of the
// agreed terms is one delivery and one payment; its condition and deliverable are quoted as the
// parties wrote them. Money goes from the buyer's bank account straight to the seller's: the
// platform never holds it (holding funds for others needs a payment-intermediary licence).
import { quote, type ArticleKey, type ArticleWriter } from './contract-wording.js';
import { formatVnd } from './money.js';

const plan: ArticleWriter = (c, no) => [
  {
    vi: `Việc chuyển giao được thực hiện theo các đợt dưới đây, lần lượt theo thứ tự; mỗi đợt gắn với một khoản thanh toán tại Điều ${no('price')}:`,
    en: `The transfer proceeds in the milestones below, one after another; each is tied to a payment in Article ${no('price')}:`,
  },
  ...c.terms.milestones.map((m, i) => ({
    vi: `Đợt ${i + 1} — nội dung bàn giao: ${quote(m.deliverable)}; điều kiện: ${quote(m.condition)}.`,
    en: `Milestone ${i + 1} — deliverable: ${quote(m.deliverable)}; condition: ${quote(m.condition)}.`,
  })),
  {
    vi: 'Bên nhận kiểm tra và xác nhận mỗi lần bàn giao trên OpenTEX hoặc bằng văn bản trong 14 ngày kể từ ngày nhận; nếu trong thời hạn này Bên nhận không yêu cầu sửa đổi thì việc bàn giao được coi là đã được chấp nhận.',
    en: 'The Transferee checks each delivery and confirms it on OpenTEX or in writing within 14 days of receiving it; a delivery for which no changes are requested within that time is deemed accepted.',
  },
  {
    vi: `Địa điểm chuyển giao: trụ sở hoặc cơ sở của Bên nhận tại ${quote(c.parties.buyer.address)}, hoặc địa điểm khác do hai bên thống nhất bằng văn bản; tài liệu điện tử được bàn giao qua OpenTEX hoặc thư điện tử của các bên nêu tại phần đầu hợp đồng.`,
    en: `Place of transfer: the Transferee’s premises at ${quote(c.parties.buyer.address)}, or another place the parties agree in writing; electronic documents are handed over through OpenTEX or the parties’ email addresses at the head of this contract.`,
  },
  { vi: `Toàn bộ việc chuyển giao hoàn thành trong thời hạn hợp đồng nêu tại Điều ${no('term')}.`, en: `The whole transfer is completed within the term set in Article ${no('term')}.` },
];

const price: ArticleWriter = (c) => {
  const { milestones } = c.terms;
  const total = milestones.reduce((sum, m) => sum + m.amount, 0);
  return [
    { vi: `Giá chuyển giao công nghệ: ${formatVnd(c.terms.price)}.`, en: `Price of the technology transfer: ${formatVnd(c.terms.price)}.` },
    { vi: `Giá được thanh toán thành ${milestones.length} đợt:`, en: milestones.length === 1 ? 'The price is paid in 1 milestone:' : `The price is paid in ${milestones.length} milestones:` },
    ...milestones.map((m, i) => ({
      vi: `Đợt ${i + 1}: ${formatVnd(m.amount)} — đến hạn: ${quote(m.condition)}; tương ứng với nội dung bàn giao: ${quote(m.deliverable)}.`,
      en: `Milestone ${i + 1}: ${formatVnd(m.amount)} — due: ${quote(m.condition)}; against the deliverable: ${quote(m.deliverable)}.`,
    })),
    { vi: `Tổng các đợt bằng giá chuyển giao: ${formatVnd(total)}.`, en: `The milestones add up to the price: ${formatVnd(total)}.` },
    {
      vi: 'Bên nhận thanh toán bằng chuyển khoản ngân hàng, trực tiếp từ tài khoản của Bên nhận vào tài khoản đứng tên Bên giao mà Bên giao công bố trên OpenTEX hoặc thông báo bằng văn bản, chậm nhất 10 ngày làm việc sau khi đợt thanh toán đến hạn. Đồng tiền thanh toán là đồng Việt Nam.',
      en: 'The Transferee pays by bank transfer, directly from its own account to an account in the Transferor’s name that the Transferor states on OpenTEX or notifies in writing, no later than 10 working days after the milestone falls due. Payments are made in Vietnamese đồng.',
    },
    {
      vi: 'OpenTEX không nhận, giữ hay chuyển tiền thay cho bên nào; một khoản thanh toán chỉ hoàn thành khi tiền đã vào tài khoản của Bên giao. Bên giao xác nhận việc nhận tiền trên OpenTEX hoặc bằng văn bản và lập hóa đơn, chứng từ theo quy định.',
      en: 'OpenTEX does not receive, hold or forward money for either party; a payment is made only when the money has reached the Transferor’s account. The Transferor confirms receipt on OpenTEX or in writing and issues the invoices and receipts the law requires.',
    },
    { vi: 'Mỗi bên tự chịu các khoản thuế, phí mà pháp luật quy định cho mình.', en: 'Each party bears the taxes and charges that the law places on it.' },
  ];
};

export const SCHEDULE_ARTICLES: Partial<Record<ArticleKey, ArticleWriter>> = { plan, price };
