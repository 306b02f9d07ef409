#include <isa-l/igzip_lib.h>

/* The per-level buffer sizes are macro expressions Swift cannot import. */
static inline unsigned CIsal_levelBufferSize(int level) {
    switch (level) {
    case 1: return ISAL_DEF_LVL1_DEFAULT;
    case 2: return ISAL_DEF_LVL2_DEFAULT;
    case 3: return ISAL_DEF_LVL3_DEFAULT;
    default: return 0;
    }
}
