// The contract's articles on what is transferred and how: definitions, the technology and its
// protection, the object and its products, the rights granted and the method (Law on Technology
// Transfer 2017, Art. 23, items 1–4 and 8). Text the parties wrote themselves (subject,
// territory, field of use) is quoted as written, in both languages.
import type { ContractContent } from './contract.js';
import { quote, type ArticleKey, type ArticleWriter, type Bilingual } from './contract-wording.js';
import type { TransferMode } from './taxonomy.js';

const MODE_WORDS: Record<TransferMode, Bilingual> = {
  licence_exclusive: { vi: 'li-xăng độc quyền', en: 'exclusive licence' },
  licence_non_exclusive: { vi: 'li-xăng không độc quyền', en: 'non-exclusive licence' },
  assignment: { vi: 'chuyển nhượng quyền sở hữu công nghệ', en: 'assignment of ownership' },
  joint_development: { vi: 'chuyển giao quyền sử dụng kèm hợp tác phát triển', en: 'licence with joint development' },
  technical_assistance: { vi: 'chuyển giao quyền sử dụng kèm hỗ trợ kỹ thuật', en: 'licence with technical assistance' },
  spin_off_equity: { vi: 'chuyển giao quyền sử dụng cho doanh nghiệp khởi nguồn', en: 'licence to a spin-off enterprise' },
  turnkey: { vi: 'chìa khóa trao tay kèm máy móc, thiết bị', en: 'turnkey, with machinery and equipment' },
};

const definitions: ArticleWriter = (_c, no) => [
  { vi: 'Trong hợp đồng này, các từ ngữ dưới đây được hiểu như sau:', en: 'In this contract:' },
  {
    vi: `“Công nghệ” là công nghệ nêu tại Điều ${no('technology')}, gồm giải pháp, quy trình, bí quyết kỹ thuật và tài liệu kèm theo mà Bên giao chuyển giao theo hợp đồng này.`,
    en: `“Technology” means the technology named in Article ${no('technology')}, including the solutions, processes, technical know-how and accompanying documents that the Transferor transfers under this contract.`,
  },
  { vi: `“Đối tượng chuyển giao” là phạm vi Công nghệ được mô tả tại Điều ${no('object')}.`, en: `“Object of transfer” means the scope of the Technology described in Article ${no('object')}.` },
  {
    vi: `“Đợt” là một lần bàn giao trong kế hoạch tại Điều ${no('plan')} cùng khoản thanh toán tương ứng tại Điều ${no('price')}.`,
    en: `“Milestone” means one delivery in the plan of Article ${no('plan')} together with its payment in Article ${no('price')}.`,
  },
  {
    vi: '“Cải tiến” là mọi sửa đổi, hoàn thiện hoặc phát triển thêm Công nghệ làm thay đổi tính năng, hiệu quả hoặc phạm vi áp dụng của Công nghệ.',
    en: '“Improvement” means any modification, refinement or further development of the Technology that changes its features, performance or scope of application.',
  },
  {
    vi: '“Thông tin bảo mật” là tài liệu kỹ thuật, bí quyết được bàn giao theo hợp đồng này và mọi thông tin khác mà một bên đánh dấu là bảo mật khi cung cấp.',
    en: '“Confidential information” means the technical documents and know-how handed over under this contract and any other information a party marks as confidential when providing it.',
  },
  { vi: `“Ngày hiệu lực” là ngày hợp đồng có hiệu lực theo Điều ${no('term')}.`, en: `“Effective date” means the date on which this contract takes effect under Article ${no('term')}.` },
  {
    vi: '“OpenTEX” là sàn giao dịch công nghệ trực tuyến nơi hai bên đàm phán và ký hợp đồng này; OpenTEX không phải là một bên của hợp đồng.',
    en: '“OpenTEX” means the online technology exchange on which the parties negotiated and sign this contract; OpenTEX is not a party to it.',
  },
];

function protection(c: ContractContent): Bilingual {
  const { kind, number } = c.technology.ip;
  const owner = quote(c.technology.ip.owner);
  const vi = number ? ` số ${number}` : '';
  const en = number ? ` No. ${number}` : '';
  switch (kind) {
    case 'patent_granted':
      return { vi: `Công nghệ được bảo hộ theo Bằng độc quyền sáng chế${vi}; chủ sở hữu: ${owner}.`, en: `The Technology is protected by patent${en}; owner: ${owner}.` };
    case 'utility_solution':
      return { vi: `Công nghệ được bảo hộ theo Bằng độc quyền giải pháp hữu ích${vi}; chủ sở hữu: ${owner}.`, en: `The Technology is protected by utility solution patent${en}; owner: ${owner}.` };
    case 'patent_pending':
      return { vi: `Công nghệ là đối tượng của đơn đăng ký sáng chế${vi} đang được xem xét; người nộp đơn: ${owner}.`, en: `The Technology is the subject of pending patent application${en}; applicant: ${owner}.` };
    case 'copyright':
      return {
        vi: `Công nghệ gồm tác phẩm được bảo hộ quyền tác giả (như chương trình máy tính)${number ? `, Giấy chứng nhận đăng ký${vi}` : ''}; chủ sở hữu: ${owner}.`,
        en: `The Technology includes works protected by copyright (such as computer programs)${number ? `, registration certificate${en}` : ''}; owner: ${owner}.`,
      };
    case 'know_how':
      return { vi: `Công nghệ là bí quyết kỹ thuật không đăng ký bảo hộ; chủ sở hữu: ${owner}.`, en: `The Technology is unregistered technical know-how; owner: ${owner}.` };
    case 'none':
      return { vi: `Công nghệ chưa được bảo hộ quyền sở hữu trí tuệ; chủ sở hữu công nghệ: ${owner}.`, en: `The Technology is not protected by any intellectual property right; owner of the Technology: ${owner}.` };
  }
}

const technology: ArticleWriter = (c) => [
  { vi: `Tên công nghệ: ${quote(c.technology.listingTitle)}.`, en: `Name of the technology: ${quote(c.technology.listingTitle)}.` },
  { vi: `Mã tin đăng trên OpenTEX: ${c.technology.listingId}.`, en: `OpenTEX listing reference: ${c.technology.listingId}.` },
  protection(c),
  {
    vi: 'Bên giao cam kết là chủ sở hữu Công nghệ hoặc được chủ sở hữu cho phép chuyển giao Công nghệ theo hợp đồng này.',
    en: 'The Transferor warrants that it owns the Technology or is authorised by its owner to transfer it under this contract.',
  },
];

const object: ArticleWriter = (c, no) => [
  { vi: `Đối tượng chuyển giao, như hai bên đã thống nhất: ${quote(c.terms.subject)}.`, en: `The object of transfer, as the parties agreed it: ${quote(c.terms.subject)}.` },
  {
    vi: `Sản phẩm do Công nghệ tạo ra là các sản phẩm và dịch vụ mà Bên nhận sản xuất hoặc cung cấp bằng việc áp dụng Công nghệ trong lĩnh vực sử dụng nêu tại Điều ${no('rights')}.`,
    en: `Products made with the Technology are the goods and services that the Transferee makes or provides by applying it within the field of use stated in Article ${no('rights')}.`,
  },
  {
    vi: 'Sản phẩm phải đáp ứng tiêu chuẩn, quy chuẩn kỹ thuật của Việt Nam áp dụng cho sản phẩm đó và các thông số kỹ thuật mà Bên giao nêu trong tài liệu kỹ thuật bàn giao. Bên giao chịu trách nhiệm về các thông số này khi Công nghệ được áp dụng đúng hướng dẫn; Bên nhận chịu trách nhiệm về chất lượng sản phẩm mà mình đưa ra thị trường.',
    en: 'Products must meet the Vietnamese standards and technical regulations that apply to them and the technical parameters stated in the documents the Transferor hands over. The Transferor answers for those parameters when the Technology is applied as instructed; the Transferee answers for the quality of the products it puts on the market.',
  },
];

function grant(c: ContractContent): Bilingual[] {
  const mode = MODE_WORDS[c.terms.transferMode];
  const agreed = { vi: `Hình thức chuyển giao hai bên đã thỏa thuận: ${mode.vi}.`, en: `Transfer mode agreed by the parties: ${mode.en}.` };
  if (c.terms.transferMode === 'assignment') {
    return [
      agreed,
      {
        vi: 'Bên giao chuyển nhượng cho Bên nhận toàn bộ quyền sở hữu Công nghệ, gồm quyền sử dụng, quyền chuyển giao cho người khác và quyền định đoạt Công nghệ. Nếu Công nghệ được bảo hộ quyền sở hữu công nghiệp, quyền này được chuyển nhượng cùng lúc và đăng ký theo pháp luật về sở hữu trí tuệ.',
        en: 'The Transferor assigns to the Transferee full ownership of the Technology, including the rights to use it, to transfer it to others and to dispose of it. If the Technology is protected by an industrial property right, that right is assigned at the same time and registered under intellectual property law.',
      },
      { vi: 'Sau khi chuyển nhượng, Bên giao không còn quyền sử dụng hay chuyển giao Công nghệ, trừ khi Bên nhận đồng ý bằng văn bản.', en: 'After the assignment the Transferor keeps no right to use or transfer the Technology, unless the Transferee agrees in writing.' },
    ];
  }
  const exclusivity = c.terms.exclusive
    ? {
        vi: 'Quyền sử dụng là độc quyền: trong thời hạn hợp đồng, trong phạm vi lãnh thổ và lĩnh vực sử dụng nêu dưới đây, Bên giao không tự mình sử dụng Công nghệ và không chuyển giao quyền sử dụng Công nghệ cho bất kỳ bên nào khác.',
        en: 'The licence is exclusive: during the term, within the territory and field of use below, the Transferor neither uses the Technology itself nor licenses it to anyone else.',
      }
    : { vi: 'Quyền sử dụng là không độc quyền: Bên giao vẫn được tự sử dụng Công nghệ và chuyển giao quyền sử dụng Công nghệ cho bên khác.', en: 'The licence is non-exclusive: the Transferor may still use the Technology and license it to others.' };
  const extra: Partial<Record<TransferMode, Bilingual>> = {
    spin_off_equity: {
      vi: 'Bên nhận là doanh nghiệp khởi nguồn hoặc doanh nghiệp do hai bên cùng góp vốn; việc góp vốn, nếu có, được thực hiện theo thỏa thuận riêng và pháp luật về doanh nghiệp.',
      en: 'The Transferee is a spin-off or an enterprise in which both parties hold capital; any capital contribution is made under a separate agreement and company law.',
    },
  };
  return [
    agreed,
    {
      vi: 'Bên giao chuyển giao cho Bên nhận quyền sử dụng Công nghệ; Bên giao vẫn là chủ sở hữu Công nghệ. Bên nhận không được chuyển giao lại quyền sử dụng cho bên thứ ba nếu không có sự đồng ý bằng văn bản của Bên giao.',
      en: 'The Transferor licenses to the Transferee the right to use the Technology and remains its owner. The Transferee may not sub-license the Technology to a third party without the Transferor’s written consent.',
    },
    exclusivity,
    ...(extra[c.terms.transferMode] ? [extra[c.terms.transferMode]!] : []),
  ];
}

const rights: ArticleWriter = (c) => {
  const assigned = c.terms.transferMode === 'assignment';
  return [
    ...grant(c),
    { vi: `Phạm vi lãnh thổ: ${quote(c.terms.territory)}.`, en: `Territory: ${quote(c.terms.territory)}.` },
    { vi: `Lĩnh vực sử dụng: ${quote(c.terms.fieldOfUse)}.`, en: `Field of use: ${quote(c.terms.fieldOfUse)}.` },
    assigned
      ? { vi: 'Lãnh thổ và lĩnh vực sử dụng nêu trên là nơi và lĩnh vực Bên giao thực hiện việc bàn giao và hỗ trợ.', en: 'The territory and field of use above are where, and for what, the Transferor delivers and supports the Technology.' }
      : { vi: 'Bên nhận chỉ sử dụng Công nghệ trong phạm vi lãnh thổ và lĩnh vực sử dụng này.', en: 'The Transferee uses the Technology only within this territory and field of use.' },
  ];
};

const method: ArticleWriter = (c, no) => {
  const byMode: Partial<Record<TransferMode, Bilingual>> = {
    technical_assistance: { vi: 'cử chuyên gia tư vấn, hỗ trợ kỹ thuật cho Bên nhận trong quá trình áp dụng Công nghệ', en: 'sending experts to advise and assist the Transferee while it applies the Technology' },
    turnkey: {
      vi: 'cung cấp, lắp đặt, chạy thử máy móc, thiết bị kèm theo và bàn giao dây chuyền ở trạng thái vận hành được',
      en: 'supplying, installing and commissioning the accompanying machinery and equipment, and handing over the line in working order',
    },
    joint_development: { vi: 'cùng nghiên cứu, thử nghiệm và hoàn thiện Công nghệ với nhân sự của Bên nhận', en: 'researching, testing and refining the Technology together with the Transferee’s staff' },
  };
  const own = byMode[c.terms.transferMode];
  const ways: Bilingual[] = [
    {
      vi: 'bàn giao tài liệu kỹ thuật về Công nghệ (bản mô tả, quy trình, bản vẽ, công thức, thông số, phần mềm nếu có) dưới dạng giấy hoặc điện tử',
      en: 'handing over the technical documents of the Technology (descriptions, processes, drawings, formulas, parameters, software where there is any) on paper or electronically',
    },
    { vi: 'đào tạo, hướng dẫn nhân sự của Bên nhận để nắm vững và áp dụng được Công nghệ', en: 'training and instructing the Transferee’s staff until they master and can apply the Technology' },
    ...(own ? [own] : []),
  ];
  const mark = (i: number) => `${'abc'[i]}) `;
  const end = (i: number) => (i === ways.length - 1 ? '.' : ';');
  return [
    { vi: 'Công nghệ được chuyển giao bằng các phương thức sau:', en: 'The Technology is transferred by the following methods:' },
    ...ways.map((w, i) => ({ vi: `${mark(i)}${w.vi}${end(i)}`, en: `${mark(i)}${w.en}${end(i)}` })),
    { vi: `Nội dung bàn giao của từng đợt được nêu tại Điều ${no('plan')}.`, en: `What is handed over at each milestone is set out in Article ${no('plan')}.` },
  ];
};

export const TRANSFER_ARTICLES: Partial<Record<ArticleKey, ArticleWriter>> = { definitions, technology, object, rights, method };
