/* The ADC (adc.h): one conversion at a time with START_ONCE; READY says
 * when RESULT holds it. */
#include "adc.h"

#include "clocks.h"
#include "reg.h"
#include "resets.h"

void rp_adc_init(void) {
    if ((rp_reg_read(RP_RESETS_BASE + RP_RESETS_RESET) & RP_RESET_ADC) == 0 &&
        (rp_reg_read(RP_ADC_BASE + RP_ADC_CS) & RP_ADC_CS_EN) != 0) {
        return;
    }
    rp_clocks_start_aux(RP_CLK_ADC, 1);
    rp_reset_cycle(RP_RESET_ADC);
    rp_reg_write(RP_ADC_BASE + RP_ADC_CS, RP_ADC_CS_EN);
    rp_reg_wait(RP_ADC_BASE + RP_ADC_CS, RP_ADC_CS_READY, RP_ADC_CS_READY);
}

void rp_adc_gpio(unsigned gpio) {
    rp_reg_write(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(gpio), RP_GPIO_FUNC_NULL);
    /* the pad: input buffer off (it would draw current at mid levels),
     * output disabled, no pull */
    const uint32_t pad = RP_PADS_BANK0_BASE + RP_PADS_GPIO(gpio);
    rp_reg_clr(pad, RP_PAD_IE | RP_PAD_PUE | RP_PAD_PDE);
    rp_reg_set(pad, RP_PAD_OD);
}

bool rp_adc_read(unsigned input, uint16_t *raw) {
    const uint32_t cs = RP_ADC_BASE + RP_ADC_CS;
    rp_reg_field(cs, RP_ADC_CS_AINSEL_MASK | RP_ADC_CS_TS_EN,
                 input << RP_ADC_CS_AINSEL_SHIFT | (input == RP_ADC_TEMP_INPUT ? RP_ADC_CS_TS_EN : 0));
    rp_reg_set(cs, RP_ADC_CS_START_ONCE);
    rp_reg_wait(cs, RP_ADC_CS_READY, RP_ADC_CS_READY);
    *raw = (uint16_t)(rp_reg_read(RP_ADC_BASE + RP_ADC_RESULT) & 0xfffu);
    return (rp_reg_read(cs) & RP_ADC_CS_ERR) == 0;
}
