/* tiny.c: the smallest Windows GUI program, the code of the fixture tiny.exe (see tiny.rc). */
int start(void) { return 0; }
