"""Hand-written retrieval questions over the default corpus (used by the retrieval tests and `make bench`)."""

# (question, gold: a chunk id prefix naming the article, or a plan section). Written from reading the texts.
ACCENTED = [
    ("Hộ kinh doanh ở xã có thuộc đối tượng được hưởng chính sách khuyến công không?", "nd-45-2012#d1"),
    ("Cộng tác viên khuyến công được trả thù lao theo quy định của ai?", "nd-45-2012#d10"),
    ("Những ngành nghề nào được hưởng chính sách khuyến công?", "nd-45-2012#d5"),
    ("Kinh phí khuyến công quốc gia được hình thành từ những nguồn nào?", "nd-45-2012#d12"),
    ("Mức hỗ trợ xây dựng mô hình trình diễn kỹ thuật tối đa là bao nhiêu?", "ttlt-26-2014-btc-bct#d6-k2-b"),
    ("Tham gia hội chợ triển lãm trong nước được hỗ trợ bao nhiêu phần trăm tiền thuê gian hàng?",
     "ttlt-26-2014-btc-bct#d6-k2-d"),
    ("Điều kiện để tổ chức, cá nhân được hỗ trợ kinh phí khuyến công là gì?", "ttlt-26-2014-btc-bct#d7"),
    ("Đề án hạ tầng cụm công nghiệp được tạm ứng lần đầu bao nhiêu phần trăm kinh phí?", "tt-36-2013-bct#d13"),
    ("Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu có giá trị trong bao lâu?", "tt-26-2014-bct#d17"),
    ("Sản phẩm phải đạt bao nhiêu điểm để được công nhận là sản phẩm tiêu biểu?", "tt-26-2014-bct#d17"),
    ("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp có vị trí, chức năng gì?", "ttlt-16-2011-bct-bnv#d2"),
    ("Nghề truyền thống phải xuất hiện ở địa phương bao nhiêu năm mới được công nhận?", "nd-52-2018#d5"),
    ("Làng nghề cần tối thiểu bao nhiêu phần trăm số hộ tham gia hoạt động ngành nghề?", "nd-52-2018#d5"),
    ("Ủy ban nhân dân cấp tỉnh có trách nhiệm gì trong quản lý hoạt động khuyến công?", "nd-45-2012#d16"),
]
UNACCENTED = [
    ("ho kinh doanh co duoc huong chinh sach khuyen cong khong", "nd-45-2012#d1"),
    ("cong tac vien khuyen cong duoc huong thu lao do ai quy dinh", "nd-45-2012#d10"),
    ("muc ho tro xay dung mo hinh trinh dien ky thuat", "ttlt-26-2014-btc-bct#d6-k2-b"),
    ("dieu kien de duoc ho tro kinh phi khuyen cong", "ttlt-26-2014-btc-bct#d7"),
    ("tam ung kinh phi lan mot cho de an ha tang cum cong nghiep", "tt-36-2013-bct#d13"),
    ("giay chung nhan san pham cong nghiep nong thon tieu bieu co gia tri bao lau", "tt-26-2014-bct#d17"),
    ("tieu chi cong nhan lang nghe truyen thong", "nd-52-2018#d5"),
    ("co cau to chuc va bien che cua trung tam khuyen cong", "ttlt-16-2011-bct-bnv#d4"),
    ("ho so dang ky binh chon san pham tieu bieu gom nhung gi", "tt-26-2014-bct#d12"),
    ("nguyen tac uu tien trong chinh sach khuyen cong", "nd-45-2012#d6"),
    ("ha noi nam 2020 to chuc bao nhieu lop truyen nghe", "kh-kc-hn-2020#s1"),
    ("dinh huong khuyen cong nam 2024 gom may noi dung", "cv-400-ctdp-2023-tin#"),
]
DOCUMENT_NUMBERS = [
    ("Điều 5 Thông tư 46", "tt-46-2012-bct#d5"),
    ("Điều 10 Nghị định 45/2012/NĐ-CP quy định gì?", "nd-45-2012#d10"),
    ("Thông tư liên tịch 26/2014/TTLT-BTC-BCT điều 7", "ttlt-26-2014-btc-bct#d7"),
    ("dieu 9 thong tu 46/2012", "tt-46-2012-bct#d9"),
    ("NĐ 52 điều 7 mặt bằng sản xuất", "nd-52-2018#d7"),
    ("TT 26/2014 Điều 19 kinh phí", "tt-26-2014-bct#d19"),
    ("Điều 4 TTLT 16/2011", "ttlt-16-2011-bct-bnv#d4"),
    ("Quyết định 2646/QĐ-BCT phê duyệt chương trình gì?", "qd-2646-2025-bct#"),
    ("Điều 21 Thông tư 36/2013 trách nhiệm của Sở Công Thương", "tt-36-2013-bct#d21"),
]


def is_gold(chunk_id: str, gold: str) -> bool:
    """A gold 'doc#d6' accepts the article chunk and its khoản/điểm chunks; 'doc#' any chunk of doc."""
    return chunk_id == gold or chunk_id.startswith(gold if gold.endswith("#") else gold + "-")
