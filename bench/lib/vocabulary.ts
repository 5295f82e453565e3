// Bilingual technology words of the synthetic market: [Vietnamese, English] pairs per sector
// of app/domain/taxonomy.ts, plus the phrases titles and summaries are built from. Many terms are
// the synonym groups of search/synonyms.ts, so English queries find Vietnamese listings too.
import type { Sector } from '../../app/domain/taxonomy.js';

export type Term = readonly [vi: string, en: string];

export const SECTOR_TERMS: Record<Sector, readonly Term[]> = {
  ict: [
    ['phần mềm', 'software'], ['điện toán đám mây', 'cloud computing'], ['an ninh mạng', 'cybersecurity'],
    ['chuỗi khối', 'blockchain'], ['internet vạn vật', 'internet of things'], ['ứng dụng di động', 'mobile app'],
    ['chuyển đổi số', 'digital transformation'], ['hệ thống thông tin', 'information system'],
    ['mạng 5G', '5G network'], ['cơ sở dữ liệu', 'database'], ['nền tảng số', 'digital platform'], ['bảo mật', 'security'],
  ],
  ai_data: [
    ['trí tuệ nhân tạo', 'artificial intelligence'], ['học máy', 'machine learning'], ['học sâu', 'deep learning'],
    ['thị giác máy tính', 'computer vision'], ['xử lý ngôn ngữ tự nhiên', 'natural language processing'],
    ['dữ liệu lớn', 'big data'], ['phân tích dữ liệu', 'data analytics'], ['nhận dạng giọng nói', 'speech recognition'],
    ['dự báo', 'forecasting'], ['mô hình ngôn ngữ', 'language model'], ['nhận dạng khuôn mặt', 'face recognition'],
    ['trợ lý ảo tiếng Việt', 'Vietnamese chatbot'],
  ],
  electronics_semiconductors: [
    ['vi mạch', 'integrated circuit'], ['bán dẫn', 'semiconductor'], ['cảm biến', 'sensor'], ['bo mạch in', 'printed circuit board'],
    ['thiết kế chip', 'chip design'], ['đóng gói vi mạch', 'chip packaging'], ['điện tử công suất', 'power electronics'],
    ['hệ thống nhúng', 'embedded system'], ['vi điều khiển', 'microcontroller'], ['ăng ten', 'antenna'],
    ['đèn LED', 'LED lighting'], ['kiểm tra quang học', 'optical inspection'],
  ],
  biotech_pharma: [
    ['dược liệu', 'medicinal herbs'], ['dược phẩm', 'pharmaceutical'], ['vắc xin', 'vaccine'], ['chiết xuất', 'extraction'],
    ['lên men', 'fermentation'], ['enzyme công nghiệp', 'industrial enzyme'], ['kháng thể', 'antibody'],
    ['men vi sinh', 'probiotic'], ['công nghệ gen', 'genetic engineering'], ['nuôi cấy mô', 'tissue culture'],
    ['thực phẩm chức năng', 'dietary supplement'], ['chế phẩm sinh học', 'biological product'],
  ],
  health_medtech: [
    ['thiết bị y tế', 'medical device'], ['chẩn đoán hình ảnh', 'medical imaging'], ['xét nghiệm nhanh', 'rapid test'],
    ['y tế từ xa', 'telemedicine'], ['bệnh án điện tử', 'electronic health record'], ['máy thở', 'ventilator'],
    ['theo dõi bệnh nhân', 'patient monitoring'], ['phục hồi chức năng', 'rehabilitation'], ['siêu âm', 'ultrasound'],
    ['vật liệu cấy ghép', 'implant material'], ['khử khuẩn', 'disinfection'], ['điện tim', 'electrocardiogram'],
  ],
  agrifood: [
    ['lúa', 'rice'], ['cà phê', 'coffee'], ['thanh long', 'dragon fruit'], ['bảo quản', 'preservation'],
    ['sau thu hoạch', 'post-harvest'], ['chế biến', 'processing'], ['thực phẩm', 'food'], ['phân bón', 'fertilizer'],
    ['phân hữu cơ', 'organic fertilizer'], ['nhà kính', 'greenhouse'], ['tưới tiêu', 'irrigation'],
    ['giống cây trồng', 'plant variety'], ['sấy lạnh', 'cold drying'], ['truy xuất nguồn gốc', 'traceability'],
  ],
  environment_water: [
    ['nước thải', 'wastewater'], ['xử lý nước', 'water treatment'], ['chất thải rắn', 'solid waste'], ['tái chế', 'recycling'],
    ['không khí', 'air quality'], ['màng lọc', 'membrane'], ['vi sinh', 'microbial'], ['quan trắc môi trường', 'environmental monitoring'],
    ['nước sạch', 'clean water'], ['xâm nhập mặn', 'saltwater intrusion'], ['khử mặn', 'desalination'], ['rác thải nhựa', 'plastic waste'],
  ],
  energy_cleantech: [
    ['năng lượng mặt trời', 'solar energy'], ['điện gió', 'wind power'], ['năng lượng tái tạo', 'renewable energy'],
    ['khí sinh học', 'biogas'], ['pin', 'battery'], ['lưu trữ năng lượng', 'energy storage'],
    ['tiết kiệm năng lượng', 'energy efficiency'], ['hydro xanh', 'green hydrogen'], ['lưới điện thông minh', 'smart grid'],
    ['sinh khối', 'biomass'], ['điện mặt trời mái nhà', 'rooftop solar'], ['biến tần', 'inverter'],
  ],
  materials_chemistry: [
    ['vật liệu', 'materials'], ['vật liệu nano', 'nanomaterials'], ['hóa chất', 'chemicals'],
    ['nhựa phân hủy sinh học', 'biodegradable plastic'], ['sơn phủ', 'coating'], ['chất xúc tác', 'catalyst'],
    ['gốm kỹ thuật', 'technical ceramics'], ['vật liệu composite', 'composite material'], ['graphene', 'graphene'],
    ['cao su', 'rubber'], ['chất kết dính', 'adhesive'], ['hợp kim', 'alloy'],
  ],
  manufacturing_automation: [
    ['tự động hóa', 'automation'], ['rô bốt', 'robot'], ['cơ khí', 'mechanical engineering'], ['máy CNC', 'CNC machine'],
    ['in 3D', '3D printing'], ['nhà máy thông minh', 'smart factory'], ['bảo trì dự đoán', 'predictive maintenance'],
    ['dây chuyền sản xuất', 'production line'], ['điều khiển PLC', 'PLC control'], ['khuôn mẫu', 'mould'],
    ['hàn tự động', 'automated welding'], ['băng tải', 'conveyor'],
  ],
  construction_smartcity: [
    ['xây dựng', 'construction'], ['đô thị thông minh', 'smart city'], ['bê tông', 'concrete'],
    ['vật liệu xây dựng', 'building materials'], ['nhà ở xã hội', 'social housing'],
    ['mô hình thông tin công trình', 'building information modelling'], ['chiếu sáng công cộng', 'street lighting'],
    ['chống thấm', 'waterproofing'], ['cầu đường', 'bridges and roads'], ['thoát nước đô thị', 'urban drainage'],
    ['gạch không nung', 'unfired brick'], ['quản lý đô thị', 'urban management'],
  ],
  transport_logistics: [
    ['giao thông', 'traffic'], ['hậu cần', 'logistics'], ['chuỗi lạnh', 'cold chain'], ['xe điện', 'electric vehicle'],
    ['kho thông minh', 'smart warehouse'], ['định vị GPS', 'GPS tracking'], ['quản lý đội xe', 'fleet management'],
    ['cảng biển', 'seaport'], ['vận tải đa phương thức', 'multimodal transport'], ['giao hàng chặng cuối', 'last-mile delivery'],
    ['thu phí tự động', 'electronic toll collection'], ['đường sắt', 'railway'],
  ],
  textiles: [
    ['dệt may', 'textiles'], ['nhuộm', 'dyeing'], ['sợi tự nhiên', 'natural fibre'], ['vải kỹ thuật', 'technical fabric'],
    ['may mặc', 'garment'], ['in vải', 'fabric printing'], ['sợi tái chế', 'recycled fibre'],
    ['vải kháng khuẩn', 'antibacterial fabric'], ['thời trang bền vững', 'sustainable fashion'], ['da giày', 'footwear'],
    ['hoàn tất vải', 'fabric finishing'], ['tơ tằm', 'silk'],
  ],
  aquaculture_fisheries: [
    ['thủy sản', 'aquaculture'], ['nuôi tôm', 'shrimp farming'], ['tôm', 'shrimp'], ['cá tra', 'pangasius'],
    ['thức ăn thủy sản', 'aquafeed'], ['nuôi tuần hoàn', 'recirculating aquaculture'], ['bệnh tôm', 'shrimp disease'],
    ['con giống', 'broodstock'], ['rong biển', 'seaweed'], ['chế biến hải sản', 'seafood processing'],
    ['ao nuôi', 'fish pond'], ['khai thác hải sản', 'fishing'],
  ],
  education_edtech: [
    ['giáo dục', 'education'], ['học trực tuyến', 'e-learning'], ['lớp học thông minh', 'smart classroom'],
    ['đào tạo nghề', 'vocational training'], ['thực tế ảo', 'virtual reality'], ['mô phỏng', 'simulation'],
    ['đánh giá năng lực', 'competency assessment'], ['học liệu số', 'digital learning materials'], ['giáo dục STEM', 'STEM education'],
    ['quản lý trường học', 'school management'], ['gia sư trực tuyến', 'online tutoring'], ['kỹ năng số', 'digital skills'],
  ],
};

/** Title openers: what an offer is, what a demand asks for. */
export const OFFER_NOUNS: readonly Term[] = [
  ['Giải pháp', 'solution'], ['Hệ thống', 'system'], ['Quy trình', 'process'], ['Công nghệ', 'technology'],
  ['Thiết bị', 'device'], ['Nền tảng', 'platform'], ['Phương pháp', 'method'],
];
export const DEMAND_OPENERS: readonly Term[] = [
  ['Cần tìm giải pháp', 'Seeking a solution for'], ['Tìm đối tác chuyển giao', 'Looking for a partner in'],
  ['Đặt hàng nghiên cứu', 'Research wanted:'], ['Cần công nghệ', 'Technology needed:'],
];
export const QUALIFIERS: readonly Term[] = [
  ['chi phí thấp', 'low-cost'], ['tiết kiệm năng lượng', 'energy-saving'], ['thân thiện môi trường', 'eco-friendly'],
  ['hiệu suất cao', 'high-efficiency'], ['quy mô công nghiệp', 'industrial-scale'], ['thông minh', 'smart'], ['tự động', 'automated'],
];
export const USERS: readonly Term[] = [
  ['doanh nghiệp vừa và nhỏ', 'small and medium enterprises'], ['hợp tác xã', 'cooperatives'], ['nhà máy', 'factories'],
  ['bệnh viện tuyến tỉnh', 'provincial hospitals'], ['vùng Đồng bằng sông Cửu Long', 'the Mekong Delta'],
  ['khu công nghiệp', 'industrial parks'], ['nông hộ', 'smallholder farms'], ['đô thị', 'cities'], ['trường học', 'schools'],
];
export const BENEFITS: readonly Term[] = [
  ['giảm chi phí vận hành', 'cut operating costs'], ['tăng năng suất', 'raise productivity'],
  ['nâng cao chất lượng sản phẩm', 'improve product quality'], ['giảm phát thải', 'reduce emissions'],
  ['đáp ứng tiêu chuẩn xuất khẩu', 'meet export standards'], ['rút ngắn thời gian xử lý', 'shorten processing time'],
];
export const ORG_PREFIXES: Record<'enterprise' | 'university' | 'institute' | 'agency', string> = {
  enterprise: 'Công ty Cổ phần Công nghệ',
  university: 'Trường Đại học',
  institute: 'Viện Nghiên cứu',
  agency: 'Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ',
};
export const ORG_NAMES: readonly string[] = [
  'Sao Mai', 'Hồng Hà', 'Phương Nam', 'Trường Sơn', 'Cửu Long', 'Bạch Đằng', 'Lam Sơn', 'Tây Nguyên',
  'Hải Vân', 'Thăng Long', 'Đông Á', 'Hoàng Liên', 'An Phú', 'Tân Tiến', 'Việt Tiến', 'Minh Khai',
];
