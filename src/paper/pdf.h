/*
 * pdf.h: a .docx made a PDF by LibreOffice (soffice --headless
 * --convert-to pdf), the one converter that lays out Word's documents as
 * Word does; Debian's writer-only package libreoffice-writer is enough.
 */
#ifndef KYNIEM_PDF_H
#define KYNIEM_PDF_H

#include <stddef.h>

struct buf;

/* The Debian package that makes PDFs possible, for messages. */
#define PDF_PACKAGE	"libreoffice-writer"

/* 1 if soffice is on PATH (a PDF can be asked for), else 0. */
int pdf_available(void);

/*
 * Convert the .docx bytes docx[0..len) and append the PDF to out: 0, or
 * -1 logged (no LibreOffice, naming the package to install; a failed or
 * overlong conversion).  Each call runs its own soffice with a private
 * profile in a temporary directory, removed afterwards, so calls at the
 * same time do not meet.
 */
int pdf_from_docx(const char *docx, size_t len, struct buf *out);

#endif
