"""Thailand's 77 provinces: official two-digit code, Thai and English name, region."""

NORTH, NORTHEAST, CENTRAL, EAST, WEST, SOUTH = (
    "north",
    "northeast",
    "central",
    "east",
    "west",
    "south",
)

PROVINCES: list[tuple[str, str, str, str]] = [
    ("10", "กรุงเทพมหานคร", "Bangkok", CENTRAL),
    ("11", "สมุทรปราการ", "Samut Prakan", CENTRAL),
    ("12", "นนทบุรี", "Nonthaburi", CENTRAL),
    ("13", "ปทุมธานี", "Pathum Thani", CENTRAL),
    ("14", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya", CENTRAL),
    ("15", "อ่างทอง", "Ang Thong", CENTRAL),
    ("16", "ลพบุรี", "Lop Buri", CENTRAL),
    ("17", "สิงห์บุรี", "Sing Buri", CENTRAL),
    ("18", "ชัยนาท", "Chai Nat", CENTRAL),
    ("19", "สระบุรี", "Saraburi", CENTRAL),
    ("20", "ชลบุรี", "Chon Buri", EAST),
    ("21", "ระยอง", "Rayong", EAST),
    ("22", "จันทบุรี", "Chanthaburi", EAST),
    ("23", "ตราด", "Trat", EAST),
    ("24", "ฉะเชิงเทรา", "Chachoengsao", EAST),
    ("25", "ปราจีนบุรี", "Prachin Buri", EAST),
    ("26", "นครนายก", "Nakhon Nayok", CENTRAL),
    ("27", "สระแก้ว", "Sa Kaeo", EAST),
    ("30", "นครราชสีมา", "Nakhon Ratchasima", NORTHEAST),
    ("31", "บุรีรัมย์", "Buri Ram", NORTHEAST),
    ("32", "สุรินทร์", "Surin", NORTHEAST),
    ("33", "ศรีสะเกษ", "Si Sa Ket", NORTHEAST),
    ("34", "อุบลราชธานี", "Ubon Ratchathani", NORTHEAST),
    ("35", "ยโสธร", "Yasothon", NORTHEAST),
    ("36", "ชัยภูมิ", "Chaiyaphum", NORTHEAST),
    ("37", "อำนาจเจริญ", "Amnat Charoen", NORTHEAST),
    ("38", "บึงกาฬ", "Bueng Kan", NORTHEAST),
    ("39", "หนองบัวลำภู", "Nong Bua Lam Phu", NORTHEAST),
    ("40", "ขอนแก่น", "Khon Kaen", NORTHEAST),
    ("41", "อุดรธานี", "Udon Thani", NORTHEAST),
    ("42", "เลย", "Loei", NORTHEAST),
    ("43", "หนองคาย", "Nong Khai", NORTHEAST),
    ("44", "มหาสารคาม", "Maha Sarakham", NORTHEAST),
    ("45", "ร้อยเอ็ด", "Roi Et", NORTHEAST),
    ("46", "กาฬสินธุ์", "Kalasin", NORTHEAST),
    ("47", "สกลนคร", "Sakon Nakhon", NORTHEAST),
    ("48", "นครพนม", "Nakhon Phanom", NORTHEAST),
    ("49", "มุกดาหาร", "Mukdahan", NORTHEAST),
    ("50", "เชียงใหม่", "Chiang Mai", NORTH),
    ("51", "ลำพูน", "Lamphun", NORTH),
    ("52", "ลำปาง", "Lampang", NORTH),
    ("53", "อุตรดิตถ์", "Uttaradit", NORTH),
    ("54", "แพร่", "Phrae", NORTH),
    ("55", "น่าน", "Nan", NORTH),
    ("56", "พะเยา", "Phayao", NORTH),
    ("57", "เชียงราย", "Chiang Rai", NORTH),
    ("58", "แม่ฮ่องสอน", "Mae Hong Son", NORTH),
    ("60", "นครสวรรค์", "Nakhon Sawan", CENTRAL),
    ("61", "อุทัยธานี", "Uthai Thani", CENTRAL),
    ("62", "กำแพงเพชร", "Kamphaeng Phet", CENTRAL),
    ("63", "ตาก", "Tak", WEST),
    ("64", "สุโขทัย", "Sukhothai", CENTRAL),
    ("65", "พิษณุโลก", "Phitsanulok", CENTRAL),
    ("66", "พิจิตร", "Phichit", CENTRAL),
    ("67", "เพชรบูรณ์", "Phetchabun", CENTRAL),
    ("70", "ราชบุรี", "Ratchaburi", WEST),
    ("71", "กาญจนบุรี", "Kanchanaburi", WEST),
    ("72", "สุพรรณบุรี", "Suphan Buri", CENTRAL),
    ("73", "นครปฐม", "Nakhon Pathom", CENTRAL),
    ("74", "สมุทรสาคร", "Samut Sakhon", CENTRAL),
    ("75", "สมุทรสงคราม", "Samut Songkhram", CENTRAL),
    ("76", "เพชรบุรี", "Phetchaburi", WEST),
    ("77", "ประจวบคีรีขันธ์", "Prachuap Khiri Khan", WEST),
    ("80", "นครศรีธรรมราช", "Nakhon Si Thammarat", SOUTH),
    ("81", "กระบี่", "Krabi", SOUTH),
    ("82", "พังงา", "Phang Nga", SOUTH),
    ("83", "ภูเก็ต", "Phuket", SOUTH),
    ("84", "สุราษฎร์ธานี", "Surat Thani", SOUTH),
    ("85", "ระนอง", "Ranong", SOUTH),
    ("86", "ชุมพร", "Chumphon", SOUTH),
    ("90", "สงขลา", "Songkhla", SOUTH),
    ("91", "สตูล", "Satun", SOUTH),
    ("92", "ตรัง", "Trang", SOUTH),
    ("93", "พัทลุง", "Phatthalung", SOUTH),
    ("94", "ปัตตานี", "Pattani", SOUTH),
    ("95", "ยะลา", "Yala", SOUTH),
    ("96", "นราธิวาส", "Narathiwat", SOUTH),
]

assert len(PROVINCES) == 77


def provinces_ensure() -> None:
    """Loaded by a migration; restored here when the table was emptied since (test flushes)."""
    from .models import Province

    if Province.objects.count() >= len(PROVINCES):
        return
    existing = set(Province.objects.values_list("code", flat=True))
    Province.objects.bulk_create(
        Province(code=code, name_th=name_th, name_en=name_en, region=region)
        for code, name_th, name_en, region in PROVINCES
        if code not in existing
    )
