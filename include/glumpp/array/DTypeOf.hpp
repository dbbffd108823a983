#pragma once
// DType::of<T>(): the dtype of a C++ type.
//
//   bool, integers, float, double       -> scalars ("|b1", "<i4", "<f4", ...)
//   T[N], std::array<T, N>              -> sub-array (N,) of T's dtype (nested: (N, M))
//   glm::vec<L, T>                      -> sub-array (L,) of T
//   glm::mat<C, R, T>                   -> sub-array (C, R) of T (glm stores columns)
//   a struct described with GLUMPP_DTYPE -> record with the struct's offsets and sizeof
//
//   struct Vertex { glm::vec2 position; glm::vec3 color; };
//   GLUMPP_DTYPE(Vertex, position, color);      // at namespace scope, next to the struct
//   DType::of<Vertex>().descr()  // [('position', '<f4', (2,)), ('color', '<f4', (3,))]
//
// The macro takes the member names (offsets come from offsetof, types from decltype, so
// a name that is not a member does not compile). It defines a function found by
// argument-dependent lookup, so it works for structs in any namespace. Members left out
// of the list become gaps in the record, which is how C padding looks in NumPy too.
// glm is detected by its member types; glumpp does not include glm here.
//
// Above DType.hpp, which declares DType::of<T>() and leaves the mapping to this header.

#include <glumpp/array/DType.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>
#include <vector>

namespace glumpp {

namespace detail {

template <class T>
struct IsStdArray : std::false_type {};
template <class E, std::size_t N>
struct IsStdArray<std::array<E, N>> : std::true_type {};

template <class T>
concept GlmMatrix = requires {
    typename T::col_type;
    typename T::row_type;
    typename T::value_type;
    T::length();
};

template <class T>
concept GlmVector = !GlmMatrix<T> && requires {
    typename T::value_type;
    { T::length() } -> std::convertible_to<int>;
};

template <class T>
concept Described = requires(const T* p) {
    { glumpp_describe(p) } -> std::same_as<DType>;
};

template <class T>
inline constexpr bool always_false = false;

/// The record of a described struct; used by GLUMPP_DTYPE.
DType struct_dtype(std::size_t itemsize, std::vector<DType::Field> fields);

template <class T>
DType dtype_of_uncached() {
    using U = std::remove_cv_t<T>;
    if constexpr (Described<U>) {
        return glumpp_describe(static_cast<const U*>(nullptr));
    } else if constexpr (std::is_same_v<U, bool>) {
        return DType::scalar(ScalarKind::Bool, 1);
    } else if constexpr (std::is_integral_v<U>) {
        return DType::scalar(std::is_signed_v<U> ? ScalarKind::Int : ScalarKind::UInt, sizeof(U));
    } else if constexpr (std::is_floating_point_v<U>) {
        static_assert(sizeof(U) == 4 || sizeof(U) == 8, "DType::of: long double has no NumPy typestr glumpp supports");
        return DType::scalar(ScalarKind::Float, sizeof(U));
    } else if constexpr (std::is_array_v<U>) {
        return DType::subarray(dtype_of_uncached<std::remove_extent_t<U>>(), {std::extent_v<U>});
    } else if constexpr (IsStdArray<U>::value) {
        static_assert(sizeof(U) == std::tuple_size_v<U> * sizeof(typename U::value_type));
        return DType::subarray(dtype_of_uncached<typename U::value_type>(), {std::tuple_size_v<U>});
    } else if constexpr (GlmMatrix<U>) {
        constexpr std::size_t cols = static_cast<std::size_t>(U::length());
        constexpr std::size_t rows = static_cast<std::size_t>(U::col_type::length());
        static_assert(sizeof(U) == cols * rows * sizeof(typename U::value_type),
                      "DType::of: padded (aligned) glm matrices have no packed dtype");
        return DType::subarray(dtype_of_uncached<typename U::value_type>(), {cols, rows});
    } else if constexpr (GlmVector<U>) {
        constexpr std::size_t n = static_cast<std::size_t>(U::length());
        static_assert(sizeof(U) == n * sizeof(typename U::value_type),
                      "DType::of: padded (aligned) glm vectors have no packed dtype");
        return DType::subarray(dtype_of_uncached<typename U::value_type>(), {n});
    } else {
        static_assert(always_false<U>, "DType::of: no dtype for this type; describe the struct with "
                                       "GLUMPP_DTYPE(Type, member, ...)");
    }
}

/// What DType::of<T>() calls, once per type.
template <class T>
struct DTypeOf {
    static DType make() { return dtype_of_uncached<T>(); }
};

} // namespace detail

} // namespace glumpp

// Describes a struct as a record dtype: GLUMPP_DTYPE(Vertex, position, color);
#define GLUMPP_DTYPE(Type, ...)                                                                   \
    [[maybe_unused]] inline ::glumpp::DType glumpp_describe(const Type*) {                         \
        return ::glumpp::detail::struct_dtype(                                                     \
            sizeof(Type), {GLUMPP_DETAIL_FOR_EACH(GLUMPP_DETAIL_FIELD, Type, __VA_ARGS__)});      \
    }                                                                                              \
    static_assert(true, "")

#define GLUMPP_DETAIL_FIELD(Type, member)                                                          \
    ::glumpp::DType::Field{#member, ::glumpp::DType::of<decltype(Type::member)>(), offsetof(Type, member)},

#define GLUMPP_DETAIL_EXPAND(x) x
#define GLUMPP_DETAIL_FE_1(F, T, a) F(T, a)
#define GLUMPP_DETAIL_FE_2(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_1(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_3(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_2(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_4(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_3(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_5(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_4(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_6(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_5(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_7(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_6(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_8(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_7(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_9(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_8(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_10(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_9(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_11(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_10(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_12(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_11(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_13(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_12(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_14(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_13(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_15(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_14(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_16(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_15(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_17(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_16(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_18(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_17(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_19(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_18(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_20(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_19(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_21(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_20(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_22(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_21(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_23(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_22(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_24(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_23(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_25(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_24(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_26(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_25(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_27(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_26(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_28(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_27(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_29(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_28(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_30(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_29(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_31(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_30(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_FE_32(F, T, a, ...) F(T, a) GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_FE_31(F, T, __VA_ARGS__))
#define GLUMPP_DETAIL_PICK(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30, _31, _32, NAME, ...) NAME
#define GLUMPP_DETAIL_FOR_EACH(F, T, ...) \
    GLUMPP_DETAIL_EXPAND(GLUMPP_DETAIL_PICK(__VA_ARGS__, GLUMPP_DETAIL_FE_32, GLUMPP_DETAIL_FE_31, GLUMPP_DETAIL_FE_30, GLUMPP_DETAIL_FE_29, GLUMPP_DETAIL_FE_28, GLUMPP_DETAIL_FE_27, GLUMPP_DETAIL_FE_26, GLUMPP_DETAIL_FE_25, GLUMPP_DETAIL_FE_24, GLUMPP_DETAIL_FE_23, GLUMPP_DETAIL_FE_22, GLUMPP_DETAIL_FE_21, GLUMPP_DETAIL_FE_20, GLUMPP_DETAIL_FE_19, GLUMPP_DETAIL_FE_18, GLUMPP_DETAIL_FE_17, GLUMPP_DETAIL_FE_16, GLUMPP_DETAIL_FE_15, GLUMPP_DETAIL_FE_14, GLUMPP_DETAIL_FE_13, GLUMPP_DETAIL_FE_12, GLUMPP_DETAIL_FE_11, GLUMPP_DETAIL_FE_10, GLUMPP_DETAIL_FE_9, GLUMPP_DETAIL_FE_8, GLUMPP_DETAIL_FE_7, GLUMPP_DETAIL_FE_6, GLUMPP_DETAIL_FE_5, GLUMPP_DETAIL_FE_4, GLUMPP_DETAIL_FE_3, GLUMPP_DETAIL_FE_2, GLUMPP_DETAIL_FE_1)(F, T, __VA_ARGS__))
