/* machine.ADC on the RP2040's ADC: ADC(id) with a Pin or GPIO 26..29
 * (inputs 0..3) or an input number 0..4, 4 (ADC.CORE_TEMP) being the
 * temperature sensor. The keywords are those of Linux's ADC
 * (machine_args.h); the ADC's own resolution (12 bits), sampling time and
 * range (0 to 3.3 V, the Pico's ADC_VREF) are fixed: sample_ns and atten
 * are refused, bits= may only say 12. */
#include <errno.h>

#include "adc.h"
#include "regs.h"
#include "rp_machine.h"

/* ADC_VREF on the Pico: the 3.3 V supply, filtered. */
#define VREF_UV 3300000u

typedef struct rp_machine_adc {
    px_obj base; /* &rp_type_adc */
    uint8_t input;
} rp_machine_adc;

static rp_machine_adc *adc_of(px_val v) {
    return (rp_machine_adc *)px_as_ptr(px_native(v, &rp_type_adc));
}

static void check_settings(const px_val *a) {
    if (a[PX_ADC_SAMPLE_NS] != PX_NONE || a[PX_ADC_ATTEN] != PX_NONE) {
        px_raise_value_error("%s: the RP2040's ADC has one sampling time and one range (0 to 3.3 V); give None",
                             a[PX_ADC_SAMPLE_NS] != PX_NONE ? "sample_ns" : "atten");
    }
    if (a[PX_ADC_BITS] != PX_NONE && px_index(a[PX_ADC_BITS]) != 12) {
        px_raise_value_error("the RP2040's ADC converts 12 bits, not bits=%lld", (long long)px_index(a[PX_ADC_BITS]));
    }
}

/* The input an id names: a Pin or a GPIO name for GPIO 26..29, an int
 * for an input number. */
static unsigned input_of(px_val id) {
    if (px_is_int(id)) {
        px_int n = px_index(id);
        if (n < 0 || n >= (px_int)RP_ADC_INPUTS) {
            px_raise_value_error("ADC input %lld does not exist: the RP2040 has 0 to 3 (GP26 to GP29) and 4 "
                                 "(ADC.CORE_TEMP, the temperature sensor)",
                                 (long long)n);
        }
        return (unsigned)n;
    }
    unsigned gpio = rp_pin_resolve(id); /* a Pin or 'GP26' */
    if (gpio < RP_ADC_FIRST_GPIO) {
        px_raise_value_error("GP%u has no ADC input: the RP2040's are GP26 to GP29", gpio);
    }
    return gpio - RP_ADC_FIRST_GPIO;
}

static px_val adc_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc != 1) {
        px_raise_type_error("ADC() takes the input (a Pin, GPIO 26..29's name, or 0..4) as its one positional "
                            "argument");
    }
    px_val a[PX_ADC__COUNT];
    px_machine_adc_args(PX_Q(ADC), 0, argv + 1, kwnames, a);
    check_settings(a);
    unsigned input = input_of(argv[0]);
    rp_adc_init();
    if (input != RP_ADC_TEMP_INPUT) {
        rp_pin_give(RP_ADC_FIRST_GPIO + input, RP_GPIO_FUNC_NULL); /* its Pin lets go */
        rp_adc_gpio(RP_ADC_FIRST_GPIO + input);
    }
    rp_machine_adc *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &rp_type_adc;
    o->input = (uint8_t)input;
    return px_from_ptr(o);
}

static void adc_print(px_out *out, px_val self, px_print_kind kind) {
    rp_machine_adc *o = adc_of(self);
    if (o->input == RP_ADC_TEMP_INPUT) {
        px_write_cstr(out, "ADC(CORE_TEMP)");
    } else {
        px_printf(out, "ADC(Pin('GP%u'))", RP_ADC_FIRST_GPIO + o->input);
    }
}

static uint16_t convert(const rp_machine_adc *o) {
    uint16_t raw;
    if (!rp_adc_read(o->input, &raw)) {
        px_machine_raise_os(EIO, "ADC input %u: the conversion failed (the ADC flagged an error); read again",
                            (unsigned)o->input);
    }
    return raw;
}

static px_val adc_read_u16(px_val self) {
    return px_small((px_int)px_machine_adc_u16(convert(adc_of(self)), 12));
}

/* Microvolts at the input: raw / 4096 of ADC_VREF. */
static px_val adc_read_uv(px_val self) {
    return px_int_from_u64(((uint64_t)convert(adc_of(self)) * VREF_UV + 2048) / 4096);
}

static px_val adc_init(size_t argc, const px_val *argv, px_val kwnames) {
    (void)adc_of(argv[0]);
    px_val a[PX_ADC__COUNT];
    px_machine_adc_args(PX_Q(init), argc - 1, argv + 1, kwnames, a);
    check_settings(a);
    return PX_NONE;
}

static PX_METHKW(adc_init_obj, &rp_type_adc, init, 1, 1, adc_init);
static PX_METH1(adc_read_u16_obj, &rp_type_adc, read_u16, adc_read_u16);
static PX_METH1(adc_read_uv_obj, &rp_type_adc, read_uv, adc_read_uv);

/* Sorted by name bytes (uppercase first). */
static const px_map_entry adc_table[] = {
    PX_ENTRY(CORE_TEMP, PX_SMALL_CONST(RP_ADC_TEMP_INPUT)),
    PX_ENTRY_OBJ(init, &adc_init_obj),
    PX_ENTRY_OBJ(read_u16, &adc_read_u16_obj),
    PX_ENTRY_OBJ(read_uv, &adc_read_uv_obj),
};
static PX_CONST_MAP(adc_dict, adc_table);

const px_type rp_type_adc = {
    .base = {&px_type_type},
    .name = PX_Q(ADC),
    .base_type = &px_type_object,
    .dict = &adc_dict,
    .make = adc_make,
    .print = adc_print,
};
