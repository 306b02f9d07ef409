--
-- Name: nocols; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.nocols (
);


ALTER TABLE public.nocols OWNER TO postgres;

