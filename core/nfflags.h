/* nfflags.h -- bits of the per-code-point quick-check table (gen_nftable.c). */
#ifndef VNT_NFFLAGS_H
#define VNT_NFFLAGS_H
#define NF_NFD_NO  0x01  /* changed by NFD */
#define NF_NFKD_NO 0x02  /* changed by NFKD */
#define NF_NFC_NO  0x04  /* changed by NFC when alone */
#define NF_NFKC_NO 0x08  /* changed by NFKC when alone */
#define NF_MAYBE   0x10  /* may compose with what precedes it (NFC_QC = NFKC_QC = Maybe) */
#define NF_CCC     0x20  /* canonical combining class is not 0 */
#endif
