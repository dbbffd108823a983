// DType: NumPy's parsing, layouts, descr round trips, C++ structs as dtypes.
#include <glumpp/array.hpp>

#include <glm/glm.hpp>
#include <gtest/gtest.h>

using glumpp::DType;
using glumpp::ScalarKind;

namespace demo {
struct Vertex {
    glm::vec2 position;
    glm::vec3 color;
};
GLUMPP_DTYPE(Vertex, position, color);

struct Padded {
    std::uint8_t flag;
    double value;
    std::array<std::int16_t, 3> triple;
    glm::mat2 m;
};
GLUMPP_DTYPE(Padded, flag, value, triple, m);

struct Nested {
    Vertex v;
    float w;
};
GLUMPP_DTYPE(Nested, v, w);
} // namespace demo

TEST(DType, ScalarsFromTypestrsAndNames) {
    EXPECT_EQ(DType::parse("<f4"), DType::of<float>());
    EXPECT_EQ(DType::parse("float32"), DType::of<float>());
    EXPECT_EQ(DType::parse("f"), DType::of<float>());
    EXPECT_EQ(DType::parse("u1"), DType::of<std::uint8_t>());
    EXPECT_EQ(DType::parse("|u1").descr(), "|u1");
    EXPECT_EQ(DType::parse("?").descr(), "|b1");
    EXPECT_EQ(DType::parse("b1"), DType::of<bool>());
    EXPECT_EQ(DType::parse("b"), DType::of<std::int8_t>()); // NumPy: 'b' is int8, 'b1' is bool
    EXPECT_EQ(DType::parse("<i8"), DType::of<std::int64_t>());
    EXPECT_EQ(DType::parse("float16").itemsize(), 2u);
    EXPECT_EQ(DType::parse("e").descr(), "<f2");
    EXPECT_EQ(DType::parse("V8").descr(), "|V8");
    const DType big = DType::parse(">i4");
    EXPECT_EQ(big.byte_order(), glumpp::ByteOrder::Big);
    EXPECT_FALSE(big.is_native());
    EXPECT_EQ(big.descr(), ">i4");
    EXPECT_NE(big, DType::parse("<i4"));
    EXPECT_EQ(DType().descr(), "<f8"); // NumPy's default
}

TEST(DType, RejectsWhatItCannotRepresentWithNamedMessages) {
    auto message = [](const char* text) {
        try {
            DType::parse(text);
        } catch (const glumpp::ParseError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message("<U8"), "DType::parse: unsupported type '<U8' (glumpp has bool, int, uint, float and void scalars) in \"<U8\"");
    EXPECT_EQ(message("i3"), "DType::parse: unsupported size in type 'i3' in \"i3\"");
    EXPECT_EQ(message("wat"), "DType::parse: unknown type 'wat' in \"wat\"");
    EXPECT_NE(message("[('a', '<f4'), ('a', '<f4')]").find("field name 'a' appears twice"), std::string::npos);
    EXPECT_NE(message("[('a', '<f4')"), "no error");
    EXPECT_NE(message("[(('t', 'a'), '<f4')]").find("titles"), std::string::npos);
    EXPECT_NE(message(std::string(200, '[').c_str()).find("nesting deeper"), std::string::npos);
}

TEST(DType, TheSeedRecord) {
    const DType d = DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]");
    ASSERT_TRUE(d.is_record());
    EXPECT_EQ(d.itemsize(), 20u);
    EXPECT_EQ(d.field("position").offset, 0u);
    EXPECT_EQ(d.field("color").offset, 8u);
    EXPECT_EQ(d.field("color").dtype.subshape(), (std::vector<std::size_t>{3}));
    EXPECT_EQ(d.descr(), "[('position', '<f4', (2,)), ('color', '<f4', (3,))]");
    EXPECT_EQ(DType::parse(d.descr()), d);
    EXPECT_THROW(d.field("colour"), glumpp::KeyError);
    try {
        d.field("colour");
    } catch (const glumpp::KeyError& e) {
        EXPECT_STREQ(e.what(), "DType::field: no field 'colour'; the fields are position, color");
    }
}

TEST(DType, PackedAlignedAndExplicitLayouts) {
    // NumPy: u1,u1,i4,u1,i8,u2 packed -> offsets 0,1,2,6,7,15, itemsize 17.
    const std::vector<std::pair<std::string, DType>> f = {
        {"a", DType::parse("u1")}, {"b", DType::parse("u1")}, {"c", DType::parse("i4")},
        {"d", DType::parse("u1")}, {"e", DType::parse("i8")}, {"f", DType::parse("u2")}};
    const DType packed = DType::record(f);
    std::vector<std::size_t> offsets;
    for (const auto& x : packed.fields()) offsets.push_back(x.offset);
    EXPECT_EQ(offsets, (std::vector<std::size_t>{0, 1, 2, 6, 7, 15}));
    EXPECT_EQ(packed.itemsize(), 17u);
    // align=True: 0,1,4,8,16,24 itemsize 32.
    const DType aligned = DType::record(f, glumpp::RecordLayout::Aligned);
    offsets.clear();
    for (const auto& x : aligned.fields()) offsets.push_back(x.offset);
    EXPECT_EQ(offsets, (std::vector<std::size_t>{0, 1, 4, 8, 16, 24}));
    EXPECT_EQ(aligned.itemsize(), 32u);
    EXPECT_EQ(aligned.descr(), "[('a', '|u1'), ('b', '|u1'), ('', '|V2'), ('c', '<i4'), ('d', '|u1'), ('', '|V7'), "
                               "('e', '<i8'), ('f', '<u2'), ('', '|V6')]");
    EXPECT_EQ(DType::parse(aligned.descr()), aligned); // padding entries are gaps, not fields
    // Explicit offsets with a gap and trailing bytes.
    const DType gappy = DType::record_at({{"x", DType::of<float>(), 4}, {"y", DType::of<std::uint8_t>(), 12}}, 16);
    EXPECT_EQ(gappy.descr(), "[('', '|V4'), ('x', '<f4'), ('', '|V4'), ('y', '|u1'), ('', '|V3')]");
    EXPECT_EQ(DType::parse(gappy.descr()), gappy);
    EXPECT_THROW(DType::record_at({{"x", DType::of<double>(), 12}}, 16), glumpp::ValueError);
    // Overlapping fields exist in NumPy but have no list form.
    const DType overlap = DType::record_at({{"x", DType::of<float>(), 0}, {"y", DType::of<std::uint8_t>(), 2}}, 4);
    EXPECT_THROW((void)overlap.descr(), glumpp::ValueError);
}

TEST(DType, NestedRecordsAndSubArraysRoundTrip) {
    const char* texts[] = {
        "[('inner', [('x', '<f4'), ('y', '>i2')]), ('n', '|u1')]",
        "[('pts', [('x', '<f4'), ('y', '<f4')], (3,)), ('m', '<f8', (2, 2))]",
        "[('a', '|b1'), ('b', '<f2', (4,)), ('c', '>u8')]",
    };
    for (const char* t : texts) {
        const DType d = DType::parse(t);
        EXPECT_EQ(d.descr(), t);
        EXPECT_EQ(DType::parse(d.descr()), d);
    }
    const DType sub = DType::subarray(DType::subarray(DType::of<float>(), {2}), {3});
    EXPECT_EQ(sub.subshape(), (std::vector<std::size_t>{3, 2})); // flattened, as NumPy does
    EXPECT_EQ(sub.descr(), "('<f4', (3, 2))");
    EXPECT_EQ(DType::parse(sub.descr()), sub);
}

TEST(DType, CxxStructsInOneLine) {
    EXPECT_EQ(DType::of<demo::Vertex>().descr(), "[('position', '<f4', (2,)), ('color', '<f4', (3,))]");
    EXPECT_EQ(DType::of<demo::Vertex>(), DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]"));
    const DType p = DType::of<demo::Padded>();
    EXPECT_EQ(p.itemsize(), sizeof(demo::Padded));
    EXPECT_EQ(p.field("value").offset, offsetof(demo::Padded, value));
    EXPECT_EQ(p.field("triple").dtype.descr(), "('<i2', (3,))");
    EXPECT_EQ(p.field("m").dtype.descr(), "('<f4', (2, 2))");
    EXPECT_EQ(p.alignment(), alignof(demo::Padded));
    EXPECT_EQ(DType::parse(p.descr()), p);
    const DType n = DType::of<demo::Nested>();
    EXPECT_EQ(n.field("v").dtype, DType::of<demo::Vertex>());
    EXPECT_EQ(DType::of<glm::mat4>().subshape(), (std::vector<std::size_t>{4, 4}));
    EXPECT_EQ(DType::of<glm::u8vec4>().descr(), "('|u1', (4,))");
}

TEST(DType, LeavesSkipGapsAndMergeRuns) {
    const auto ls = glumpp::leaves(DType::of<demo::Vertex>());
    ASSERT_EQ(ls.size(), 1u); // 5 consecutive float32
    EXPECT_EQ(ls[0].count, 5u);
    const auto lp = glumpp::leaves(DType::of<demo::Padded>());
    EXPECT_EQ(lp.size(), 4u); // flag, value, triple, m: separated by padding or by type
}
