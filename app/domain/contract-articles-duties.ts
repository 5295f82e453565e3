// The contract's articles on what each party owes: rights and obligations, warranty,
// improvements, confidentiality, penalties and liability (Law on Technology Transfer 2017,
// Art. 23, items 5, 10, 11 and 12). Improvements follow the law's ban on making the transferee
// hand its improvements over for free or forbidding it to improve the technology.
import { quote, type ArticleKey, type ArticleWriter } from './contract-wording.js';

const duties: ArticleWriter = (c, no) => {
  const assigned = c.terms.transferMode === 'assignment';
  return [
    {
      vi: `Bên giao có nghĩa vụ: (a) bàn giao Công nghệ đúng nội dung và tiến độ tại Điều ${no('plan')} và bảo đảm Công nghệ đạt các thông số kỹ thuật đã công bố; (b) đào tạo, hướng dẫn để Bên nhận áp dụng được Công nghệ; (c) bảo đảm quyền chuyển giao Công nghệ là hợp pháp và không bị bên thứ ba tranh chấp; (d) ${assigned ? 'phối hợp với Bên nhận làm thủ tục đăng ký chuyển nhượng văn bằng bảo hộ, nếu có' : 'duy trì hiệu lực văn bằng bảo hộ Công nghệ, nếu có, trong thời hạn hợp đồng'}.`,
      en: `The Transferor shall: (a) hand over the Technology as and when set out in Article ${no('plan')} and ensure that it meets the technical parameters stated; (b) train and instruct the Transferee so that it can apply the Technology; (c) ensure that it has the lawful right to transfer the Technology and that no third party disputes it; (d) ${assigned ? 'work with the Transferee to register the assignment of any protection title' : 'keep any protection title of the Technology in force during the term'}.`,
    },
    {
      vi: `Bên giao có quyền: nhận đủ tiền theo Điều ${no('price')}; ${assigned ? '' : 'yêu cầu Bên nhận sử dụng Công nghệ đúng phạm vi đã thỏa thuận; '}được Bên nhận thông báo về hành vi xâm phạm quyền đối với Công nghệ mà Bên nhận biết được.`,
      en: `The Transferor may: receive the full price under Article ${no('price')}; ${assigned ? '' : 'require the Transferee to use the Technology only within the agreed scope; '}be told by the Transferee of any infringement of rights in the Technology that comes to its knowledge.`,
    },
    {
      vi: `Bên nhận có nghĩa vụ: (a) thanh toán đúng hạn theo Điều ${no('price')}; (b) ${assigned ? 'phối hợp với Bên giao làm thủ tục đăng ký chuyển nhượng văn bằng bảo hộ, nếu có' : 'sử dụng Công nghệ đúng phạm vi lãnh thổ, lĩnh vực và thời hạn đã thỏa thuận'}; (c) bố trí nhân sự, mặt bằng và điều kiện cần thiết để tiếp nhận Công nghệ; (d) giữ bí mật theo Điều ${no('confidentiality')}.`,
      en: `The Transferee shall: (a) pay on time under Article ${no('price')}; (b) ${assigned ? 'work with the Transferor to register the assignment of any protection title' : 'use the Technology only within the agreed territory, field of use and term'}; (c) provide the staff, premises and conditions needed to receive the Technology; (d) keep confidentiality under Article ${no('confidentiality')}.`,
    },
    {
      vi: 'Bên nhận có quyền: nhận đầy đủ Công nghệ, tài liệu và hỗ trợ theo hợp đồng; yêu cầu Bên giao khắc phục khi Công nghệ không đạt các thông số đã công bố; được cung cấp lại tài liệu bị thiếu hoặc sai.',
      en: 'The Transferee may: receive the whole Technology, its documents and the support due under this contract; require the Transferor to put the Technology right when it falls short of the stated parameters; obtain replacements for missing or wrong documents.',
    },
  ];
};

const warranty: ArticleWriter = (c, no) => [
  c.terms.warranty
    ? { vi: `Bảo hành như hai bên đã thống nhất: ${quote(c.terms.warranty)}.`, en: `Warranty, as the parties agreed it: ${quote(c.terms.warranty)}.` }
    : { vi: 'Hai bên không thỏa thuận thời hạn bảo hành riêng.', en: 'The parties agreed no separate warranty period.' },
  {
    vi: `Ngoài ra, theo Điều ${no('duties')}, khi Công nghệ được áp dụng đúng hướng dẫn mà không đạt các thông số kỹ thuật đã công bố, Bên giao khắc phục bằng chi phí của mình trong thời hạn hợp lý do hai bên thống nhất.`,
    en: `In addition, under Article ${no('duties')}, where the Technology applied as instructed falls short of the stated technical parameters, the Transferor puts it right at its own cost within a reasonable time agreed by the parties.`,
  },
];

const improvements: ArticleWriter = (c) => [
  {
    vi: 'Cải tiến do một bên tự tạo ra thuộc quyền sở hữu của bên đó; cải tiến do hai bên cùng tạo ra thuộc sở hữu chung của hai bên theo tỷ lệ đóng góp, trừ khi hai bên có thỏa thuận khác bằng văn bản.',
    en: 'An improvement made by one party alone belongs to that party; an improvement made by both belongs to them jointly, in proportion to their contributions, unless they agree otherwise in writing.',
  },
  ...(c.terms.transferMode === 'joint_development'
    ? [{ vi: 'Kết quả của việc hợp tác phát triển là cải tiến do hai bên cùng tạo ra.', en: 'The results of the joint development are improvements made by both parties.' }]
    : []),
  {
    vi: 'Bên giao không hạn chế Bên nhận cải tiến Công nghệ. Mỗi bên thông báo cho bên kia về cải tiến mình tạo ra trong thời hạn hợp đồng; việc chuyển giao cải tiến cho bên kia, nếu có, được thực hiện theo thỏa thuận riêng và có đền bù, không bên nào buộc bên kia chuyển giao cải tiến miễn phí.',
    en: 'The Transferor does not restrict the Transferee from improving the Technology. Each party tells the other of the improvements it makes during the term; any transfer of an improvement to the other party is made under a separate agreement and for consideration, and neither party may require the other to hand over improvements free of charge.',
  },
];

const confidentiality: ArticleWriter = () => [
  {
    vi: 'Mỗi bên giữ bí mật Thông tin bảo mật nhận được từ bên kia, chỉ dùng để thực hiện hợp đồng này và chỉ tiết lộ cho người lao động, cố vấn cần biết và chịu nghĩa vụ bảo mật tương đương.',
    en: 'Each party keeps secret the confidential information it receives from the other, uses it only to perform this contract, and discloses it only to employees and advisers who need to know it and are bound by equivalent confidentiality.',
  },
  {
    vi: 'Nghĩa vụ này không áp dụng với thông tin đã được công khai không do lỗi của bên nhận thông tin, đã có được một cách hợp pháp trước khi nhận, hoặc phải cung cấp theo yêu cầu của cơ quan nhà nước có thẩm quyền.',
    en: 'This does not apply to information that became public through no fault of the receiving party, that it lawfully held before receiving it, or that a competent authority requires it to disclose.',
  },
  {
    vi: 'Nghĩa vụ bảo mật kéo dài trong thời hạn hợp đồng và 5 năm sau khi hợp đồng chấm dứt; bí quyết kỹ thuật được giữ bí mật chừng nào nó còn là bí mật. Thỏa thuận bảo mật mà hai bên đã chấp nhận trên OpenTEX, nếu có, tiếp tục áp dụng với thông tin trao đổi trước khi ký hợp đồng.',
    en: 'These obligations last for the term and five years after the contract ends; know-how stays confidential for as long as it remains secret. Any non-disclosure agreement the parties accepted on OpenTEX still governs the information exchanged before this contract was signed.',
  },
];

const penalties: ArticleWriter = (_c, no) => [
  {
    vi: `Bên vi phạm một nghĩa vụ của hợp đồng này phải chịu phạt vi phạm bằng 8% giá trị phần nghĩa vụ bị vi phạm, trừ trường hợp được miễn trách nhiệm theo Điều ${no('liability')}. Giá trị nghĩa vụ bàn giao của một đợt là số tiền của đợt đó.`,
    en: `A party that breaches an obligation under this contract pays a penalty of 8% of the value of the obligation breached, unless it is exempt under Article ${no('liability')}. The value of a milestone’s delivery obligation is that milestone’s amount.`,
  },
  {
    vi: 'Khi chậm thanh toán, ngoài tiền phạt, Bên nhận trả tiền lãi trên số tiền chậm trả cho thời gian chậm trả theo mức lãi suất do pháp luật quy định.',
    en: 'On late payment, besides the penalty, the Transferee pays interest on the overdue amount for the time it is late, at the rate the law sets.',
  },
  { vi: 'Tổng tiền phạt không vượt quá mức tối đa mà pháp luật cho phép.', en: 'The total of the penalties does not exceed the maximum the law allows.' },
];

const liability: ArticleWriter = (_c, no) => [
  {
    vi: `Bên vi phạm phải bồi thường cho bên bị vi phạm thiệt hại thực tế, trực tiếp do hành vi vi phạm gây ra, ngoài tiền phạt vi phạm theo Điều ${no('penalties')}.`,
    en: `The party in breach compensates the other for the actual, direct damage the breach causes, in addition to the penalty under Article ${no('penalties')}.`,
  },
  {
    vi: 'Nếu Bên giao không có quyền chuyển giao Công nghệ hoặc bên thứ ba khiếu nại rằng Công nghệ xâm phạm quyền của họ, Bên giao giải quyết khiếu nại bằng chi phí của mình và bồi thường thiệt hại cho Bên nhận.',
    en: 'If the Transferor has no right to transfer the Technology, or a third party claims that the Technology infringes its rights, the Transferor settles the claim at its own cost and compensates the Transferee.',
  },
  {
    vi: 'Một bên được đơn phương chấm dứt hợp đồng khi bên kia vi phạm nghiêm trọng nghĩa vụ và không khắc phục trong 30 ngày kể từ ngày nhận được thông báo bằng văn bản; khoản tiền đã trả cho phần Công nghệ đã được bàn giao và chấp nhận không phải hoàn trả.',
    en: 'A party may terminate this contract if the other commits a material breach and does not remedy it within 30 days of receiving written notice; amounts paid for parts of the Technology already delivered and accepted are not refunded.',
  },
  {
    vi: 'Bên không thực hiện được nghĩa vụ do sự kiện bất khả kháng theo Bộ luật Dân sự được miễn trách nhiệm trong thời gian sự kiện đó kéo dài, nếu đã thông báo kịp thời cho bên kia và áp dụng mọi biện pháp cần thiết để hạn chế thiệt hại.',
    en: 'A party prevented from performing by force majeure, as the Civil Code defines it, is exempt from liability while the event lasts, provided it tells the other party promptly and takes every necessary step to limit the damage.',
  },
];

export const DUTY_ARTICLES: Partial<Record<ArticleKey, ArticleWriter>> = { duties, warranty, improvements, confidentiality, penalties, liability };
