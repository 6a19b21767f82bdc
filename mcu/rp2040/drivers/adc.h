/* The ADC: 12-bit conversions of inputs 0..3 (GPIO 26..29) and input 4,
 * the temperature sensor, one at a time on request. */
#ifndef RP_ADC_H
#define RP_ADC_H

#include <stdbool.h>
#include <stdint.h>

#define RP_ADC_INPUTS 5u
#define RP_ADC_TEMP_INPUT 4u
#define RP_ADC_FIRST_GPIO 26u

/* Start clk_adc (48 MHz from PLL_USB), take the ADC out of reset and
 * enable it; nothing if it is enabled already. */
void rp_adc_init(void);
/* Make GPIO 26..29 an analog input: digital input and output off, no
 * pulls, no function. */
void rp_adc_gpio(unsigned gpio);
/* One conversion of input n (the sensor is powered for input 4); false if
 * the ADC flagged the conversion as failed. */
bool rp_adc_read(unsigned input, uint16_t *raw);

#endif
