// The contract's closing articles: term and effective date, governing law, the dispute-resolution
// body, the registration the law requires for some transfers, and the other terms (Law on
// Technology Transfer 2017, Art. 23, items 7, 13 and 14; Art. 31 on registration: transfers into
// or out of Viet Nam, and domestic ones using state capital or the state budget, must be
// registered, and such a contract takes effect when its registration certificate is issued).
import { registrationRequired } from './contract.js';
import { months, type ArticleKey, type ArticleWriter, type Bilingual } from './contract-wording.js';
import type { DISPUTE_RESOLUTIONS } from './deal-terms.js';

const term: ArticleWriter = (c, no) => {
  const length = months(c.terms.durationMonths);
  return [
    registrationRequired(c)
      ? {
          vi: `Hợp đồng này thuộc trường hợp phải đăng ký chuyển giao công nghệ (Điều ${no('registration')}) nên có hiệu lực từ ngày được cấp Giấy chứng nhận đăng ký chuyển giao công nghệ, sau khi cả hai bên đã ký.`,
          en: `As this contract must be registered (Article ${no('registration')}), it takes effect on the date its technology transfer registration certificate is issued, after both parties have signed it.`,
        }
      : { vi: 'Hợp đồng có hiệu lực từ ngày cả hai bên đã ký, tức là ngày của chữ ký sau cùng.', en: 'This contract takes effect on the date both parties have signed it, that is, the date of the later signature.' },
    { vi: `Thời hạn hợp đồng là ${length.vi} kể từ Ngày hiệu lực.`, en: `The term of this contract is ${length.en} from the effective date.` },
    c.terms.transferMode === 'assignment'
      ? {
          vi: 'Quyền sở hữu đã chuyển nhượng không chấm dứt khi hết thời hạn; thời hạn áp dụng cho các nghĩa vụ bàn giao, hỗ trợ và thanh toán.',
          en: 'Ownership once assigned does not end with the term; the term governs the obligations to deliver, support and pay.',
        }
      : { vi: 'Khi hết thời hạn, quyền sử dụng Công nghệ của Bên nhận chấm dứt, trừ khi hai bên gia hạn bằng văn bản.', en: 'When the term ends, the Transferee’s right to use the Technology ends, unless the parties extend it in writing.' },
    {
      vi: `Điều ${no('confidentiality')} và Điều ${no('disputes')} tiếp tục có hiệu lực sau khi hợp đồng chấm dứt.`,
      en: `Articles ${no('confidentiality')} and ${no('disputes')} survive the end of this contract.`,
    },
  ];
};

const law: ArticleWriter = () => [
  { vi: 'Hợp đồng này chịu sự điều chỉnh của pháp luật Việt Nam.', en: 'This contract is governed by the law of Viet Nam.' },
  {
    vi: 'Những vấn đề hợp đồng không quy định được thực hiện theo pháp luật Việt Nam về chuyển giao công nghệ, sở hữu trí tuệ, dân sự và thương mại.',
    en: 'Matters this contract does not settle follow the law of Viet Nam on technology transfer, intellectual property, civil and commercial matters.',
  },
];

const COURT: Bilingual = {
  vi: 'Nếu thương lượng không thành, tranh chấp được giải quyết tại Tòa án nhân dân có thẩm quyền của Việt Nam.',
  en: 'If negotiation fails, the dispute is settled by the competent People’s Court of Viet Nam.',
};

const BODY: Record<(typeof DISPUTE_RESOLUTIONS)[number], Bilingual> = {
  negotiation: COURT,
  court: COURT,
  mediation: {
    vi: 'Nếu thương lượng không thành, hai bên tiến hành hòa giải thương mại tại một tổ chức hòa giải thương mại do hai bên cùng chọn. Nếu hòa giải không thành trong 60 ngày, tranh chấp được giải quyết tại Tòa án nhân dân có thẩm quyền của Việt Nam.',
    en: 'If negotiation fails, the parties go to commercial mediation before a mediation organisation they choose together. If mediation does not settle the dispute within 60 days, it is settled by the competent People’s Court of Viet Nam.',
  },
  arbitration: {
    vi: 'Nếu thương lượng không thành, tranh chấp được giải quyết bằng trọng tài tại Trung tâm Trọng tài Quốc tế Việt Nam (VIAC) theo Quy tắc tố tụng trọng tài của Trung tâm này; địa điểm trọng tài tại Việt Nam, ngôn ngữ trọng tài là tiếng Việt. Phán quyết trọng tài là chung thẩm và ràng buộc hai bên.',
    en: 'If negotiation fails, the dispute is settled by arbitration at the Vietnam International Arbitration Centre (VIAC) under its Rules of Arbitration, seated in Viet Nam, in Vietnamese. The award is final and binds both parties.',
  },
};

const disputes: ArticleWriter = (c) => [
  {
    vi: 'Tranh chấp phát sinh từ hoặc liên quan đến hợp đồng này trước hết được giải quyết bằng thương lượng giữa hai bên trong 30 ngày kể từ ngày một bên gửi yêu cầu bằng văn bản.',
    en: 'A dispute arising from or relating to this contract is first negotiated between the parties for 30 days from the day one party sends a written request.',
  },
  BODY[c.terms.disputeResolution],
  {
    vi: 'Trong thời gian giải quyết tranh chấp, hai bên tiếp tục thực hiện các nghĩa vụ không liên quan đến tranh chấp.',
    en: 'While a dispute is being resolved, the parties keep performing the obligations it does not concern.',
  },
];

const registration: ArticleWriter = (c, no) => {
  const why: Bilingual[] = [
    ...(c.crossBorder
      ? [{ vi: 'Một bên của hợp đồng ở ngoài Việt Nam, nên đây là chuyển giao công nghệ từ nước ngoài vào Việt Nam hoặc từ Việt Nam ra nước ngoài.', en: 'One party is outside Viet Nam, so the technology is transferred into or out of Viet Nam.' }]
      : []),
    ...(c.stateFunded
      ? [
          {
            vi: 'Công nghệ được tạo ra bằng vốn nhà nước hoặc ngân sách nhà nước, nên việc chuyển giao có sử dụng vốn nhà nước hoặc ngân sách nhà nước.',
            en: 'The technology was developed with state capital or the state budget, so the transfer uses state capital or the state budget.',
          },
        ]
      : []),
  ];
  const where: Bilingual = c.crossBorder
    ? { vi: 'Bộ Khoa học và Công nghệ', en: 'the Ministry of Science and Technology' }
    : { vi: 'Sở Khoa học và Công nghệ có thẩm quyền', en: 'the competent provincial Department of Science and Technology (Sở Khoa học và Công nghệ)' };
  const who: Bilingual = c.crossBorder
    ? {
        vi: 'Bên nhận nộp hồ sơ đăng ký thay mặt hai bên; trường hợp chuyển giao công nghệ từ Việt Nam ra nước ngoài thì Bên giao nộp hồ sơ.',
        en: 'The Transferee files the registration on behalf of both parties; for a transfer out of Viet Nam, the Transferor files it.',
      }
    : { vi: 'Bên nhận nộp hồ sơ đăng ký thay mặt hai bên.', en: 'The Transferee files the registration on behalf of both parties.' };
  return [
    ...why,
    {
      vi: `Theo Điều 31 Luật Chuyển giao công nghệ năm 2017, hợp đồng này phải được đăng ký với cơ quan quản lý nhà nước về khoa học và công nghệ, cụ thể là ${where.vi}.`,
      en: `Under Article 31 of the Law on Technology Transfer 2017, this contract must be registered with the state authority for science and technology, namely ${where.en}.`,
    },
    {
      vi: `${who.vi} Hồ sơ được nộp trong thời hạn pháp luật quy định, hiện là 90 ngày kể từ ngày ký hợp đồng; bên kia cung cấp kịp thời các giấy tờ cần thiết. Hiệu lực của hợp đồng theo Điều ${no('term')}.`,
      en: `${who.en} The application is filed within the time the law sets, currently 90 days from signing; the other party supplies the documents needed without delay. The contract takes effect as Article ${no('term')} provides.`,
    },
  ];
};

const other: ArticleWriter = (c) => [
  { vi: 'Hợp đồng được lập bằng tiếng Việt và tiếng Anh. Nếu có sự khác nhau giữa hai bản, bản tiếng Việt được ưu tiên áp dụng.', en: 'This contract is made in Vietnamese and English. If the two texts differ, the Vietnamese text prevails.' },
  {
    vi: `Hợp đồng được lập từ các điều khoản hai bên đã thống nhất trên OpenTEX (mã băm SHA-256 của điều khoản: ${c.agreedTermsSha256}). Nội dung hợp đồng được xác định bằng mã băm SHA-256 in ở chân mỗi trang; mọi sửa đổi, bổ sung được lập thành phiên bản mới và được hai bên ký lại, chữ ký trên phiên bản trước không có giá trị đối với phiên bản mới.`,
    en: `This contract is drawn from the terms the parties agreed on OpenTEX (SHA-256 of the agreed terms: ${c.agreedTermsSha256}). Its content is identified by the SHA-256 printed at the foot of every page; any amendment is made as a new version that both parties sign again, and signatures on an earlier version do not apply to it.`,
  },
  {
    vi: 'Hợp đồng được ký bằng chữ ký số trên bản điện tử hoặc bằng chữ ký tay và con dấu trên bản in. Bản điện tử có chữ ký số hợp lệ của hai bên có giá trị như bản gốc theo Luật Giao dịch điện tử năm 2023; khi ký trên bản in, hợp đồng được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản.',
    en: 'This contract is signed with digital signatures on its electronic copy, or by hand and seal on a printed copy. An electronic copy bearing both parties’ valid digital signatures has the value of an original under the Law on Electronic Transactions 2023; when signed on paper, it is made in two originals of equal value, one for each party.',
  },
  {
    vi: 'Thông báo giữa hai bên được gửi bằng văn bản hoặc thư điện tử đến địa chỉ nêu tại phần đầu hợp đồng, hoặc qua OpenTEX.',
    en: 'Notices between the parties are given in writing or by email to the addresses at the head of this contract, or through OpenTEX.',
  },
  {
    vi: 'OpenTEX là nơi hai bên gặp nhau, đàm phán và lưu hồ sơ; OpenTEX không phải là một bên của hợp đồng và không bảo lãnh nghĩa vụ của bên nào.',
    en: 'OpenTEX is where the parties met, negotiated and keep their records; it is not a party to this contract and guarantees neither party’s obligations.',
  },
  {
    vi: 'Không điều khoản nào của hợp đồng này được hiểu là thỏa thuận mà pháp luật về chuyển giao công nghệ cấm đưa vào hợp đồng; một điều khoản vô hiệu không làm vô hiệu các điều khoản khác.',
    en: 'No term of this contract is to be read as one that the law on technology transfer forbids in a contract; an invalid term does not invalidate the others.',
  },
];

export const FINAL_ARTICLES: Partial<Record<ArticleKey, ArticleWriter>> = { term, law, disputes, registration, other };
