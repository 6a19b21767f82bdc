"""Host side of the kernel bench: kernel packages, module build, initramfs, VM."""
