// The program that builds a shared precompiled header (cmake/BuildSpeed.cmake): the
// header is its product; the program itself does nothing.
int main() { return 0; }
