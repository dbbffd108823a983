# The SVG reader's sources, relative to this folder. glumpp_svg compiles them
# (src/svg/CMakeLists.txt), and so do the fuzzers, with their instrumentation
# (fuzz/CMakeLists.txt), so that a file added here is fuzzed too.
set(GLUMPP_SVG_READER_SOURCES
  Color.cpp
  Css.cpp
  Document.cpp
  Entities.cpp
  Filter.cpp
  Flatten.cpp
  Gradient.cpp
  Marker.cpp
  Pattern.cpp
  Image.cpp
  PathData.cpp
  Scanner.cpp
  ShapeGeometry.cpp
  Style.cpp
  Text.cpp
  Transform.cpp
  Values.cpp
)
