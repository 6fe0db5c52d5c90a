//go:build !purego

#include "textflag.h"

// func prefetch(base unsafe.Pointer, slots []uint32, shift uint)
TEXT ·prefetch(SB), NOSPLIT, $0-40
	MOVQ base+0(FP), AX
	MOVQ slots_base+8(FP), SI
	MOVQ slots_len+16(FP), DI
	MOVQ shift+32(FP), CX
	TESTQ DI, DI
	JEQ done

loop:
	MOVL (SI), BX
	SHLQ CX, BX
	PREFETCHT0 (AX)(BX*1)
	ADDQ $4, SI
	DECQ DI
	JNE loop

done:
	RET

// func prefetchSpan(p unsafe.Pointer, n uintptr)
TEXT ·prefetchSpan(SB), NOSPLIT, $0-16
	MOVQ p+0(FP), AX
	MOVQ n+8(FP), CX
	LEAQ (AX)(CX*1), CX

span:
	PREFETCHT0 (AX)
	ADDQ $64, AX
	CMPQ AX, CX
	JB span
	RET
