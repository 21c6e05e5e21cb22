# Turns a binary file into a C++ array: cmake -DIN=file -DOUT=file.cpp -P embed.cmake
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR bytes "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#include <cstddef>\nextern const unsigned char kFontData[];\nextern const size_t kFontSize;\nalignas(4) const unsigned char kFontData[] = {\n${body}};\nconst size_t kFontSize = ${bytes};\n")
