--
-- Name: dup; Type: TABLE; Schema: other; Owner: postgres
--

CREATE TABLE other.dup (
    b integer
);


ALTER TABLE other.dup OWNER TO postgres;

