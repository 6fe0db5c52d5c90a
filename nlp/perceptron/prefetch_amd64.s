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

// func addRow(scores, row []float32)
TEXT ·addRow(SB), NOSPLIT, $0-48
	MOVQ scores_base+0(FP), DI
	MOVQ scores_len+8(FP), CX
	MOVQ row_base+24(FP), SI

add8:
	CMPQ CX, $8
	JB add4
	MOVUPS (DI), X0
	MOVUPS 16(DI), X1
	MOVUPS (SI), X2
	MOVUPS 16(SI), X3
	ADDPS X2, X0
	ADDPS X3, X1
	MOVUPS X0, (DI)
	MOVUPS X1, 16(DI)
	ADDQ $32, DI
	ADDQ $32, SI
	SUBQ $8, CX
	JMP add8

add4:
	CMPQ CX, $4
	JB add1
	MOVUPS (DI), X0
	MOVUPS (SI), X2
	ADDPS X2, X0
	MOVUPS X0, (DI)
	ADDQ $16, DI
	ADDQ $16, SI
	SUBQ $4, CX

add1:
	TESTQ CX, CX
	JEQ added
	MOVSS (DI), X0
	ADDSS (SI), X0
	MOVSS X0, (DI)
	ADDQ $4, DI
	ADDQ $4, SI
	DECQ CX
	JMP add1

added:
	RET
