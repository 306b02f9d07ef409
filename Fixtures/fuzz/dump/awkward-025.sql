--
-- Name: dup; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dup (
    a integer
);


ALTER TABLE public.dup OWNER TO postgres;

