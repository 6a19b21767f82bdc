/* The NVIC's enable bits, through reg.h (so the machine module's use of
 * them is seen by the register model in the unit tests). */
#include "board.h"
#include "reg.h"

void rp_irq_enable(unsigned irq) {
    rp_reg_write(RP_NVIC_ICPR, 1u << irq); /* forget one that came while off */
    rp_reg_write(RP_NVIC_ISER, 1u << irq);
}

void rp_irq_disable(unsigned irq) {
    rp_reg_write(RP_NVIC_ICER, 1u << irq);
}
