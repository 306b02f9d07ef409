--
-- Name: plain_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.plain_id_seq OWNED BY public.plain.id;


